import { test, expect, openCourse, COURSES } from './fixtures';

test('a learner opens the course, reads the first lesson, completes it, sees progress move and continues', async ({ page, login }) => {
  await login('learner');
  await openCourse(page, COURSES.demo);
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await expect(page).toHaveURL(/\/courses\/[^/]+\/[^/]+\/[^/]+$/);
  const firstTitle = await page.getByRole('heading', { level: 1 }).textContent();
  expect(firstTitle?.length).toBeGreaterThan(3);
  await expect(page.getByText(/min read · Lesson 1 of \d+/)).toBeVisible();
  await expect(page.locator('.lesson-body').locator('p, li').first()).toBeVisible();

  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: COURSES.demo.title }).click();
  const courseBar = page.getByRole('progressbar', { name: 'Course progress' });
  await expect(courseBar).toHaveAttribute('aria-valuenow', '1');
  await expect(page.getByRole('link', { name: `${firstTitle} (completed)` })).toBeVisible();

  await page.getByRole('link', { name: /^Continue: / }).click();
  await expect(page.getByText(/Lesson 2 of \d+/)).toBeVisible();
  await page.getByRole('link', { name: /←/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle!);

  // Opening a lesson enrolled the learner: home lists the course with its progress and where to continue.
  await page.getByRole('link', { name: 'Home' }).click();
  const mine = page.getByRole('listitem', { name: COURSES.demo.title });
  await expect(mine.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await expect(mine.getByRole('link', { name: /^Continue: / })).toBeVisible();
});

test('a module with unfinished prerequisites looks locked but opens for preview', async ({ page, login }) => {
  await login('learner');
  await openCourse(page, COURSES.demo);
  const locked = page.getByText(/Locked · needs/).first();
  await expect(locked).toBeVisible();
  const lockedModule = page.getByRole('listitem').filter({ has: locked }).first();
  await lockedModule.getByRole('link').first().click();
  await expect(page.getByText(/^Preview: this module builds on/)).toBeVisible();
});

test('an unknown lesson is a 404 page', async ({ page, login }) => {
  await login('learner');
  const res = await page.goto('/courses/nope/nope/nope');
  expect(res?.status()).toBe(404);
});
