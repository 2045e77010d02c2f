import { test, expect, signUpFreshLearner, COURSES } from './fixtures';

test('an instructor edits and suspends a generated card', async ({ page, login }) => {
  await login('instructor');
  await page.getByRole('link', { name: 'Teach' }).click();
  await page.getByRole('link', { name: `Cards of ${COURSES.demo.title}` }).click();
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /\(\d+\)$/ }).filter({ hasNotText: '(0)' }).nth(1).click();
  const first = page.getByRole('listitem').filter({ has: page.getByLabel('Question') }).first();
  const edited = `Edited question ${Date.now()}?`;
  await first.getByLabel('Question').fill(edited);
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByText('Card saved.')).toBeVisible();
  await page.reload();
  const card = page.getByRole('listitem', { name: `Card: ${edited}` });
  await expect(card.getByText('edited', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Suspend' }).click();
  await expect(card.getByText('suspended', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Unsuspend' }).click();
  await card.getByRole('button', { name: 'Use generated text' }).click();
  await expect(page.getByRole('listitem', { name: `Card: ${edited}` })).toHaveCount(0);
});

test('a learner cannot open the card editor', async ({ page }) => {
  await signUpFreshLearner(page);
  const res = await page.goto('/teach/cards');
  expect(res?.status()).toBe(403);
});
