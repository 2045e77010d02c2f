// Account rights as a person uses them: download one's data, delete the account; instructors are told what to hand over.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, signIn, formAlert, DEMO, COURSES } from './fixtures';

test('a learner downloads their data as JSON and CSV, then deletes their account', async ({ page, login }) => {
  // Sign-up, two downloads, two axe runs, deletion and a failed sign-in: over a minute on a loaded machine.
  test.slow();
  const who = await login('learner');
  await page.goto('/settings');
  await page.getByRole('link', { name: 'your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectAccessible(page);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Everything (JSON)' }).click()]);
  const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { profile: { email: string; name: string }; reviews: unknown[] };
  expect(data.profile).toMatchObject({ email: who.email, name: who.name });
  expect(Array.isArray(data.reviews)).toBe(true);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Review log (CSV)' }).click()]);
  expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^cardId,review,rating,state,scheduledDays,durationMs\r\n/);

  // A wrong confirmation deletes nothing and says why.
  const confirm = page.getByLabel(`Type ${who.email} to confirm`);
  await confirm.fill('someone-else@example.com');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('Type your email address exactly as shown to confirm.')).toBeVisible();
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await confirm.fill(who.email);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/, { timeout: 30_000 });
  await signIn(page, who);
  await expect(formAlert(page)).toBeVisible();
});

test('an instructor is told to hand over or delete their classes and courses first', async ({ page, login }) => {
  await login(DEMO.instructor);
  await page.goto('/account');
  const note = page.getByRole('note');
  await expect(note).toContainText('Before deleting your account, hand over or delete your classes (Demo class)');
  await expect(note).toContainText(COURSES.demo.title);
  await expect(note.getByRole('link', { name: 'Class: Demo class' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete my account' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the data download needs a session', async ({ page }) => {
  const res = await page.request.get('/account/export?format=json', { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers()['location']).toContain('/signin');
});
