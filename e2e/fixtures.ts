// Shared e2e helpers: a `login()` fixture and fresh-user sign-up, so specs never depend on each other's data.
import { test as base, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const DEMO = {
  instructor: { email: 'instructor@example.com', password: 'instructor-demo', name: 'Ada Instructor' },
  learner: { email: 'learner@example.com', password: 'learner-demo', name: 'Lee Learner' },
} as const;

/** The demo course (content/) and the second course the e2e server imports beside it (e2e/content/second-course). */
export const COURSES = {
  demo: { key: 'deep-learning-foundations', title: 'Deep Learning: Where It Came From and What Drives It' },
  second: { key: 'tide-pools', title: 'Tide Pools: Life Between the Tides' },
} as const;

export const OTHER_INSTRUCTOR = { email: 'other-instructor@example.com', password: 'other-instructor-demo', name: 'Otto Instructor' } as const;

export interface Credentials {
  email: string;
  password: string;
  name: string;
}

export async function signIn(page: Page, who: Credentials, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The error alert of the form on the page (not Next.js's route announcer). */
export function formAlert(page: Page) {
  return page.locator('form').getByRole('alert');
}

/** Signs up a brand-new learner and waits for the home page. */
export async function signUpFreshLearner(page: Page): Promise<Credentials> {
  const who = { name: `Test Learner ${randomUUID().slice(0, 6)}`, email: `learner-${randomUUID()}@example.com`, password: 'correct-horse-9' };
  await page.goto('/signup');
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Sign-up hashes the password (bcrypt) and signs in: seconds on a loaded machine.
  await expect(page.getByRole('heading', { name: `Welcome, ${who.name}` })).toBeVisible({ timeout: 30_000 });
  return who;
}

/** Opens a course from the catalogue at /courses (its outline page). */
export async function openCourse(page: Page, course: { title: string }) {
  await page.goto('/courses');
  await page.getByRole('link', { name: `Open ${course.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
}

type Fixtures = { login: (who: Credentials | 'learner' | 'instructor') => Promise<Credentials> };

export const test = base.extend<Fixtures>({
  login: async ({ page }, provide) => {
    await provide(async (who) => {
      const creds = who === 'learner' ? await signUpFreshLearner(page) : who === 'instructor' ? DEMO.instructor : who;
      if (who !== 'learner') {
        await signIn(page, creds);
        await expect(page.getByRole('heading', { name: `Welcome, ${creds.name}` })).toBeVisible();
      }
      return creds;
    });
  },
});

export { expect };

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page as it is now
 * (rule id, impact and the first offending elements), so a report says what to fix. Soft: a spec goes on
 * and reports every page it visits.
 */
export async function expectAccessible(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect.soft(summary, `axe violations on ${page.url()}`).toEqual([]);
}
