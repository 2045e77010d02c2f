// Many courses side by side: the catalogue, enrolment, home with several courses, stats by course, and each
// course's cards editable only by its own instructors.
import { test, expect, expectAccessible, signIn, openCourse, COURSES, DEMO, OTHER_INSTRUCTOR } from './fixtures';

test('a learner sees two courses in the catalogue, enrols in the second, and finds both on home', async ({ page, login }) => {
  test.slow(); // a long walk through six pages with three axe checks
  await login('learner');
  await expect(page.getByRole('link', { name: 'Find a course' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  const demo = page.getByRole('listitem', { name: COURSES.demo.title });
  const second = page.getByRole('listitem', { name: COURSES.second.title });
  await expect(demo.getByText(`by ${DEMO.instructor.name}`)).toBeVisible();
  await expect(second.getByText(`by ${OTHER_INSTRUCTOR.name}`)).toBeVisible();
  await expect(demo.getByTestId('catalogue-counts')).toHaveText(/^\d+ modules · \d+ lessons · \d+ cards$/);
  await expect(second.getByTestId('catalogue-counts')).toHaveText(/^1 module · 1 lesson · \d+ cards?$/);
  await expectAccessible(page);

  // Enrol in the second course from the catalogue (keyboard: the button has the course in its name).
  await second.getByRole('button', { name: `Enrol in ${COURSES.second.title}` }).click();
  await expect(second.getByText('Enrolled', { exact: true })).toBeVisible();
  await expect(demo.getByRole('button', { name: /^Enrol/ })).toBeVisible();

  // Opening a lesson of the demo course enrols in it too.
  await openCourse(page, COURSES.demo);
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeVisible();

  await page.goto('/home');
  const mine = page.getByRole('region', { name: 'Your courses' });
  await expect(mine.getByRole('listitem')).toHaveCount(2);
  await expect(mine.getByRole('listitem', { name: COURSES.second.title }).getByRole('link', { name: /^Start: / })).toBeVisible();
  await expect(mine.getByRole('listitem', { name: COURSES.demo.title }).getByRole('link', { name: /^Continue: / })).toBeVisible();
  await expectAccessible(page);

  // Start the second course from home, complete its lesson; stats can show that course alone.
  await mine.getByRole('listitem', { name: COURSES.second.title }).getByRole('link', { name: /^Start: / }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
  await page.goto('/stats');
  await page.getByLabel('Course', { exact: true }).selectOption({ label: COURSES.second.title });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Your review stats: ${COURSES.second.title}`);
  await expectAccessible(page);
});

test("an instructor cannot open or change another instructor's course's cards; its owner can, and can add a co-instructor", async ({ page, browser }) => {
  test.slow(); // two signed-in browsers
  const secondCards = `/teach/courses/${COURSES.second.key}/cards`;
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  await page.goto('/teach');
  await expect(page.getByRole('link', { name: `Cards of ${COURSES.demo.title}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Cards of ${COURSES.second.title}` })).toHaveCount(0);
  expect((await page.goto(secondCards))?.status()).toBe(403);
  expect((await page.goto(`/teach/courses/${COURSES.second.key}/instructors`))?.status()).toBe(403);
  expect((await page.goto('/teach/courses/no-such-course/cards'))?.status()).toBe(404);

  // The owner sees the course's cards and adds the demo instructor as a co-instructor…
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, OTHER_INSTRUCTOR);
  await expect(owner.getByRole('heading', { name: `Welcome, ${OTHER_INSTRUCTOR.name}` })).toBeVisible();
  await owner.goto('/teach');
  await owner.getByRole('link', { name: `Cards of ${COURSES.second.title}` }).click();
  await owner.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /^The Intertidal Zones \(\d+\)$/ }).click();
  await expect(owner.getByRole('listitem').filter({ has: owner.getByLabel('Question') }).first()).toBeVisible();
  await owner.getByRole('navigation', { name: 'Course pages' }).getByRole('link', { name: 'Instructors' }).click();
  await owner.getByLabel('Instructor’s email').fill(DEMO.instructor.email);
  await owner.getByRole('button', { name: 'Add co-instructor' }).click();
  await expect(owner.getByText(`${DEMO.instructor.name} is now a co-instructor.`)).toBeVisible();

  // …who can now open them, until the owner removes them again.
  expect((await page.goto(secondCards))?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: `Cards of ${COURSES.second.title}` })).toBeVisible();
  await owner.reload();
  await owner.getByRole('button', { name: `Remove ${DEMO.instructor.name}` }).click();
  await owner.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(owner.getByRole('list', { name: 'Instructors' }).getByRole('listitem').filter({ hasText: DEMO.instructor.name })).toHaveCount(0);
  expect((await page.goto(secondCards))?.status()).toBe(403);
  await ownerContext.close();
});

test("a learner cannot open a course's teach pages", async ({ page, login }) => {
  await login('learner');
  expect((await page.goto(`/teach/courses/${COURSES.demo.key}/cards`))?.status()).toBe(403);
  expect((await page.goto('/courses/no-such-course'))?.status()).toBe(404);
});
