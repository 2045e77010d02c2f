import { test, expect, signIn, signUpFreshLearner, DEMO } from './fixtures';

test('an instructor creates a class, a learner joins, the instructor assigns a module and sees progress', async ({ page, browser }) => {
  // Instructor creates a class.
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  await page.goto('/teach');
  const className = `Evening class ${Date.now()}`;
  await page.getByLabel('Class name').fill(className);
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { name: className })).toBeVisible();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // A learner joins with the code (a wrong code is refused first).
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const who = await signUpFreshLearner(learner);
  await learner.getByRole('link', { name: 'Classes' }).click();
  await learner.getByLabel('Join code').fill('ZZZZZ9');
  await learner.getByRole('button', { name: 'Join' }).click();
  await expect(learner.getByText('No class has this code.')).toBeVisible();
  await learner.getByLabel('Join code').fill(code.toLowerCase());
  await learner.getByRole('button', { name: 'Join' }).click();
  await expect(learner.getByText(`You joined ${className}.`)).toBeVisible();

  // The instructor assigns the first module with a due date.
  await page.reload();
  await expect(page.getByRole('rowheader', { name: new RegExp(who.name) })).toBeVisible();
  const moduleSelect = page.getByLabel('Module', { exact: true });
  const firstModule = (await moduleSelect.locator('option').nth(1).textContent())!;
  await moduleSelect.selectOption({ label: firstModule });
  await page.getByLabel('Due date').fill('2030-01-15');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Module assigned.')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: firstModule })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^0\/\d+ lessons$/ })).toBeVisible();

  // The learner sees the assignment and its cards in their reviews.
  await learner.goto('/home');
  await expect(learner.getByRole('heading', { name: 'Assigned to you' })).toBeVisible();
  await expect(learner.getByText('Due 2030-01-15')).toBeVisible();
  await learner.goto('/review');
  await expect(learner.getByRole('button', { name: /Show answer/ })).toBeVisible();

  // After the learner completes a lesson, the instructor sees the progress.
  await learner.goto('/courses');
  await learner.getByRole('link', { name: /^Start the course/ }).click();
  await learner.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(learner.getByRole('button', { name: '✓ Completed' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('cell', { name: /^1\/\d+ lessons$/ })).toBeVisible();
  await learnerContext.close();
});

test('a learner cannot open a class report', async ({ page }) => {
  await signUpFreshLearner(page);
  const res = await page.goto('/teach/classes/not-a-real-class');
  expect(res?.status()).toBe(403);
});
