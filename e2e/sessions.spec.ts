// Sessions end on the server: a cookie kept after signing out, "sign out everywhere" or a password change no
// longer opens any page, even though it is still validly signed.
import type { Browser, Cookie, Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn, signUpFreshLearner } from './fixtures';

/** A second browser (its own cookies), carrying the given cookies. */
async function otherBrowser(browser: Browser, baseURL: string | undefined, cookies: Cookie[]) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  return { context, page: await context.newPage() };
}

/** A fresh learner signed in in this browser and in a second one. */
async function signedInTwice(page: Page, browser: Browser, baseURL: string | undefined) {
  const who = await signUpFreshLearner(page);
  const second = await otherBrowser(browser, baseURL, []);
  await signIn(second.page, who);
  await expect(second.page.getByRole('heading', { name: `Welcome, ${who.name}` })).toBeVisible({ timeout: 30_000 });
  return { who, second };
}

async function expectSignedOut(page: Page) {
  await page.goto('/home');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('a cookie kept from before signing out is refused', async ({ page, browser, baseURL }) => {
  test.slow();
  await signUpFreshLearner(page);
  const kept = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/(signin)?(\?.*)?$/);
  const replay = await otherBrowser(browser, baseURL, kept);
  await expectSignedOut(replay.page);
  await replay.context.close();
});

test('sign out everywhere ends the sessions of every browser', async ({ page, browser, baseURL }) => {
  test.slow();
  const { second } = await signedInTwice(page, browser, baseURL);

  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
  await expect(page.getByText('this browser')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/signin/, { timeout: 30_000 });

  await expectSignedOut(second.page);
  await expectSignedOut(page);
  await second.context.close();
});

test('changing the password keeps this browser signed in and signs the others out', async ({ page, browser, baseURL }) => {
  test.slow();
  const { who, second } = await signedInTwice(page, browser, baseURL);

  await page.goto('/account');
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-7');
  await page.getByLabel('New password again').fill('brand-new-pass-7');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('Current password').fill(who.password);
  await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-7');
  await page.getByLabel('New password again').fill('brand-new-pass-7');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed. 1 other session was signed out.' })).toBeVisible({ timeout: 30_000 });

  await expectSignedOut(second.page);
  await page.goto('/home');
  await expect(page.getByRole('heading', { name: `Welcome, ${who.name}` })).toBeVisible();

  await signIn(second.page, { ...who, password: 'brand-new-pass-7' });
  await expect(second.page.getByRole('heading', { name: `Welcome, ${who.name}` })).toBeVisible({ timeout: 30_000 });
  await second.context.close();
});
