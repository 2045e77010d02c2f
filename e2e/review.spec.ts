import { test, expect, signUpFreshLearner, openCourse, COURSES } from './fixtures';
import type { Page } from '@playwright/test';

async function completeFirstLesson(page: Page) {
  await openCourse(page, COURSES.demo);
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
}

async function newCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('count-new').textContent());
}

test('complete a lesson, review its cards with the keyboard only, undo one, and see honest stats', async ({ page, login }) => {
  await login('learner');
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Nothing to review right now' })).toBeVisible();

  await completeFirstLesson(page);
  await page.goto('/review');
  const total = await newCount(page);
  expect(total).toBeGreaterThanOrEqual(2);

  // Card 1: reveal with Space, grade Good with 3.
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
  await expect(page.getByText(/^From /)).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByTestId('count-new')).toHaveText(String(total - 1));

  // Card 2: reveal with Enter, grade Again with 1.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByTestId('count-new')).toHaveText(String(total - 2));

  // Undo the last grade with U: the card comes back as new.
  await page.keyboard.press('u');
  await expect(page.getByText('Last grade undone.')).toBeVisible();
  await expect(page.getByTestId('count-new')).toHaveText(String(total - 1));
  await expect(page.getByText(/^New card/)).toBeVisible();

  await page.goto('/stats');
  await expect(page.getByTestId('total-reviews')).toHaveText('1');
  await expect(page.getByTestId('state-new')).toHaveText(String(total - 1));
  await expect(page.getByTestId('streak')).toHaveText('1 day');
  await expect(page.getByRole('img', { name: /Review heatmap: 1 reviews on 1 of the last 365 days/ })).toBeVisible();
});

test('a double-clicked grade records one review', async ({ page, login }) => {
  await login('learner');
  await completeFirstLesson(page);
  await page.goto('/review');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).dblclick();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.goto('/stats');
  await expect(page.getByTestId('total-reviews')).toHaveText('1');
});

test("another learner's cards never show in my reviews", async ({ page, browser, login }) => {
  await login('learner');
  await completeFirstLesson(page);
  await page.goto('/review');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUpFreshLearner(otherPage);
  await otherPage.goto('/review');
  await expect(otherPage.getByRole('heading', { name: 'Nothing to review right now' })).toBeVisible();
  await expect(otherPage.getByTestId('count-new')).toHaveText('0');
  await other.close();
});

test('settings reject invalid values with field errors and save valid ones', async ({ page, login }) => {
  await login('learner');
  await page.goto('/settings');
  await page.getByLabel('Desired retention').fill('0.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Desired retention must be at least 0.70.')).toBeVisible();
  await page.getByLabel('Desired retention').fill('0.85');
  await page.getByLabel('New cards per day').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('New cards per day')).toHaveValue('5');
  await expect(page.getByLabel('Desired retention')).toHaveValue('0.85');
  // Ticked, the save also replays the learner's reviewed cards under the new settings and says how many.
  await page.getByLabel('Desired retention').fill('0.9');
  await page.getByRole('checkbox', { name: 'Reschedule my cards with these settings' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^Settings saved\. \d+ cards? (was|were) rescheduled with them\.$/)).toBeVisible();
});
