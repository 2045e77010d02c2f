import { test, expect, signIn, signUpFreshLearner, formAlert, DEMO } from './fixtures';

test('sign up lands on home with name and role', async ({ page }) => {
  const who = await signUpFreshLearner(page);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByTestId('role')).toHaveText('learner');
  await expect(page.getByText(who.email)).toBeVisible();
});

test('sign-up form shows field errors for bad input and a duplicate email', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Someone');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();

  await page.getByLabel('Email').fill(DEMO.learner.email);
  await page.getByLabel('Password').fill('long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('We could not create an account with these details')).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test('wrong password shows an error', async ({ page }) => {
  await signIn(page, { ...DEMO.instructor, password: 'definitely-wrong' });
  await expect(formAlert(page)).toHaveText('Incorrect email or password.');
  await expect(page).toHaveURL(/\/signin/);
});

test('repeated failed sign-ins are rate-limited', async ({ page }) => {
  const email = `nobody-${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email, password: `wrong-${i}-password`, name: '' });
    await expect(formAlert(page)).toHaveText('Incorrect email or password.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await signIn(page, { email, password: 'wrong-again-password', name: '' });
  await expect(formAlert(page)).toContainText('Too many sign-in attempts');
});

test('sign out returns to the landing page and protects home again', async ({ page, login }) => {
  await login('learner');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await page.goto('/home');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fhome/);
});

test('a protected page redirects to sign-in and returns after it', async ({ page }) => {
  await page.goto('/teach');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fteach/);
  await page.getByLabel('Email').fill(DEMO.instructor.email);
  await page.getByLabel('Password').fill(DEMO.instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole('heading', { name: 'Teaching' })).toBeVisible();
});

test('a learner is refused the instructor page', async ({ page, login }) => {
  await login('learner');
  const response = await page.goto('/teach');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Teach' })).toHaveCount(0);
});
