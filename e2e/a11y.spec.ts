// Every page, as a learner and as an instructor sees it, passes axe-core's WCAG 2.1 A/AA rules.
import { test, expect, expectAccessible, openCourse, COURSES } from './fixtures';

// axe takes seconds on long pages (an instructor's card list) on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test('signed-out pages are accessible', async ({ page }) => {
  for (const path of ['/', '/signin', '/signup']) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    await expectAccessible(page);
  }
});

test("a learner's pages are accessible", async ({ page, login }) => {
  await login('learner');
  await expectAccessible(page); // home
  await page.goto('/courses');
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  await expectAccessible(page); // catalogue
  await openCourse(page, COURSES.demo);
  await expectAccessible(page); // course outline (with a locked module)
  await page.getByRole('link', { name: /^Start the course/ }).click();
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
  await expectAccessible(page); // lesson
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
  for (const path of ['/review', '/stats', '/settings', '/classes', '/join/ABCDEFGH']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto('/home');
  await expect(page.getByRole('listitem', { name: COURSES.demo.title })).toBeVisible();
  await expectAccessible(page); // home with an enrolled course
  await page.goto('/review');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
  await expectAccessible(page); // answer side with the grade buttons
});

test("an instructor's pages are accessible", async ({ page, login }) => {
  await login('instructor');
  await page.goto('/teach');
  await expect(page.getByRole('heading', { name: 'Teaching' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/teach/cards');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: `Cards of ${COURSES.demo.title}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page); // one course's cards
  await page.getByRole('link', { name: 'Instructors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Instructors of ${COURSES.demo.title}` })).toBeVisible();
  await expectAccessible(page); // the course's instructors
  await page.goto('/teach');
  await page.getByRole('link', { name: 'Demo class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page); // class dashboard
  await page.getByRole('link', { name: 'Lee Learner' }).first().click();
  await expect(page).toHaveURL(/\/learners\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page); // learner drill-down
});
