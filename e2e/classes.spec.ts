// Classes end to end: an instructor runs a class from invite to dashboard and CSV; learners join, leave and
// follow assignments; everyone else is refused.
import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, signUpFreshLearner, DEMO, type Credentials } from './fixtures';

const OTHER_INSTRUCTOR = { email: 'other-instructor@example.com', password: 'other-instructor-demo', name: 'Otto Instructor' };

async function createClass(page: Page, name: string, timeZone = 'Europe/Paris'): Promise<{ url: string; code: string }> {
  await page.goto('/teach');
  await page.getByLabel('Class name').fill(name);
  await page.getByLabel('Class time zone').selectOption(timeZone);
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  return { url: page.url(), code };
}

async function newLearner(browser: Browser): Promise<{ page: Page; who: Credentials; close: () => Promise<void> }> {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  const who = await signUpFreshLearner(page);
  return { page, who, close: () => context.close() };
}

async function joinWithCode(page: Page, code: string) {
  await page.goto('/classes');
  await page.getByLabel('Join code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

/** The dashboard row of one learner (rows are learner × assignment; one assignment here). */
function dashboardRow(page: Page, learnerName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(learnerName) }) });
}

test('an instructor runs a class: invite, assign with a due time, follow progress, export the same figures', async ({ page, browser }) => {
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  const className = `Evening class ${Date.now()}`;
  const { url: classUrl, code } = await createClass(page, className);
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

  // A learner joins with the code (a wrong code is refused first, with a message).
  const learner = await newLearner(browser);
  await joinWithCode(learner.page, 'ZZZZ-ZZZZ');
  await expect(learner.page.getByText('No class has this code.')).toBeVisible();
  // Typed in lower case with a hyphen in the middle: both are ignored.
  await joinWithCode(learner.page, `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();
  await expect(learner.page.getByRole('listitem').filter({ hasText: className })).toBeVisible();

  // The instructor assigns the first module, due 15 Jan 2030 at 18:00 Paris time, with a note.
  await page.reload();
  await expect(page.getByRole('link', { name: learner.who.name })).toBeVisible();
  const moduleSelect = page.getByLabel('Module', { exact: true });
  const moduleTitle = (await moduleSelect.locator('option').nth(1).textContent())!;
  await moduleSelect.selectOption({ label: moduleTitle });
  await page.getByLabel('Due date').fill('2030-01-15');
  await page.getByLabel('Due time').fill('18:00');
  await page.getByLabel('Note for learners (optional)').fill('Read it before the seminar.');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Module assigned.')).toBeVisible();
  await expect(page.getByTestId('assignment').filter({ hasText: moduleTitle })).toContainText('due 2030-01-15 18:00');
  await expect(dashboardRow(page, learner.who.name)).toContainText('Not started');

  // The learner (in UTC) sees it due at 17:00 their time, with the note, not started; its cards are in reviews.
  await learner.page.goto('/home');
  const assigned = learner.page.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned.getByRole('heading', { name: moduleTitle })).toBeVisible();
  await expect(assigned.getByText('Due 2030-01-15 17:00')).toBeVisible();
  await expect(assigned.getByText('Read it before the seminar.')).toBeVisible();
  await expect(assigned.getByText('Not started')).toBeVisible();
  await learner.page.goto('/review');
  await expect(learner.page.getByRole('button', { name: /Show answer/ })).toBeVisible();

  // The learner completes the first lesson of the module from the assignment's link.
  await learner.page.goto('/home');
  await assigned.getByRole('link', { name: /^Start/ }).click();
  await learner.page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(learner.page.getByRole('button', { name: '✓ Completed' })).toBeVisible();

  // The dashboard shows the change…
  await page.goto(classUrl);
  const row = dashboardRow(page, learner.who.name);
  await expect(row).toContainText('In progress');
  const cells = row.getByRole('cell');
  const completion = (await cells.nth(1).textContent())!; // e.g. "20%1/5 lessons"
  const [, percent, done, total] = /^(\d+)%(\d+)\/(\d+) lessons$/.exec(completion.trim())!;
  expect(Number(done)).toBe(1);

  // …and the CSV export has the same figures.
  const csv = await page.request.get(`${classUrl}/progress.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toContain('Completion %');
  const record = lines.find((l) => l.includes(learner.who.email))!.split(',');
  expect(record.slice(2, 8)).toEqual([moduleTitle, '2030-01-15 18:00', done, total, percent, 'In progress']);

  // The drill-down lists the completed lesson.
  await page.getByRole('row').getByRole('link', { name: learner.who.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: learner.who.name })).toBeVisible();
  await expect(page.getByText(/✓ completed/)).toHaveCount(1);
  await learner.close();
});

test('the recall forecast: the learner sees it on home, the instructor sorts, filters at-risk learners and exports it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible({ timeout: 30_000 });
  const className = `Forecast class ${Date.now()}`;
  const { url: classUrl, code } = await createClass(page, className);
  const learner = await newLearner(browser);
  await joinWithCode(learner.page, code);
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();
  await page.reload();
  const moduleSelect = page.getByLabel('Module', { exact: true });
  const moduleTitle = (await moduleSelect.locator('option').nth(1).textContent())!;
  await moduleSelect.selectOption({ label: moduleTitle });
  await page.getByLabel('Due date').fill('2030-01-15');
  await page.getByLabel('Due time').fill('18:00');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Module assigned.')).toBeVisible();

  // The learner answers one card, then home says how much of the module they would recall by the due time.
  await learner.page.goto('/review');
  await learner.page.getByRole('button', { name: /Show answer/ }).click();
  await learner.page.keyboard.press('3');
  await expect(learner.page.getByRole('group', { name: 'Grade your answer' })).toBeHidden();
  await learner.page.goto('/home');
  const assigned = learner.page.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned.getByText(new RegExp(`^By Tue 17:00 you would recall about \\d+ % of ${moduleTitle}`))).toBeVisible();

  // The instructor: the forecast column (at risk: one card learned of the module is far below 80 %)…
  await page.goto(classUrl);
  const row = dashboardRow(page, learner.who.name);
  await expect(row).toContainText(/\d+%\s*\(at risk\)/);
  await expect(page.getByTestId('assignment').filter({ hasText: moduleTitle })).toContainText('1 of 1 below the 80% recall target at the due time');
  // …sorts by it…
  await page.getByRole('link', { name: /^Forecast at due: sort/ }).click();
  await expect(page.getByRole('columnheader', { name: /Forecast at due/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  // …filters the learners at risk…
  await page.getByLabel(/^At risk/).check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/risk=1/);
  await expect(dashboardRow(page, learner.who.name)).toBeVisible();
  // …and exports it.
  const csv = (await (await page.request.get(`${classUrl}/progress.csv`)).text()).trim().split('\r\n');
  const header = csv[0]!.split(',');
  const record = csv.find((l) => l.includes(learner.who.email))!.split(',');
  const forecast = record[header.indexOf('Forecast at due %')];
  expect(forecast).toMatch(/^\d+$/);
  expect(Number(forecast)).toBeLessThan(80);
  await learner.close();
});

test('an invite link brings a signed-out learner through sign-up to the class', async ({ page, browser }) => {
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  const className = `Invite class ${Date.now()}`;
  await createClass(page, className);
  const invite = await page.getByLabel('Invite link').inputValue();
  const path = new URL(invite).pathname;

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(path);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await visitor.getByRole('link', { name: 'Create an account' }).click();
  const name = `Invited ${Date.now()}`;
  await visitor.getByLabel('Name').fill(name);
  await visitor.getByLabel('Email').fill(`invited-${Date.now()}@example.com`);
  await visitor.getByLabel('Password').fill('correct-horse-9');
  await visitor.getByRole('button', { name: 'Create account' }).click();
  await expect(visitor.getByRole('heading', { name: 'Join a class' })).toBeVisible();
  await visitor.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(visitor.getByText(`You joined ${className}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await context.close();
});

test('a regenerated code withdraws the old one; learners can leave; a removed learner needs to be let back in', async ({ page, browser }) => {
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  const className = `Code class ${Date.now()}`;
  const { code: oldCode } = await createClass(page, className);
  await page.getByRole('button', { name: 'Regenerate code' }).click();
  await page.getByRole('button', { name: 'Yes, new code' }).click();
  await expect(page.getByTestId('join-code')).not.toHaveText(oldCode);
  const newCode = (await page.getByTestId('join-code').textContent())!.trim();

  const learner = await newLearner(browser);
  await joinWithCode(learner.page, oldCode);
  await expect(learner.page.getByText('No class has this code.')).toBeVisible();
  await joinWithCode(learner.page, newCode);
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();

  // The learner leaves (after confirming)…
  await learner.page.reload();
  await learner.page.getByRole('button', { name: `Leave ${className}` }).click();
  await learner.page.getByRole('button', { name: 'Yes, leave' }).click();
  await expect(learner.page.getByRole('button', { name: `Leave ${className}` })).toHaveCount(0);

  // …rejoins, and the instructor removes them.
  await joinWithCode(learner.page, newCode);
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: `Remove ${learner.who.name}` }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('button', { name: `Remove ${learner.who.name}` })).toHaveCount(0);
  await learner.page.goto('/classes');
  await expect(learner.page.getByText('You are not in a class yet.')).toBeVisible();

  // A removed learner cannot rejoin with the code until the instructor lets them back in.
  await joinWithCode(learner.page, newCode);
  await expect(learner.page.getByText('Your instructor removed you from this class.')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: `Let ${learner.who.name} back in` }).click();
  await expect(page.getByRole('button', { name: `Let ${learner.who.name} back in` })).toHaveCount(0);
  await joinWithCode(learner.page, newCode);
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();
  await learner.close();
});

test('nobody sees a class that is not theirs', async ({ page, browser }) => {
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  const { url: classUrl } = await createClass(page, `Private class ${Date.now()}`);
  const classPath = new URL(classUrl).pathname;

  // A learner gets 403 pages on instructor pages and the export, and no data.
  const learner = await newLearner(browser);
  for (const path of ['/teach', classPath, `${classPath}/progress.csv`]) {
    const res = await learner.page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  await learner.close();

  // Another instructor gets 404s for this class, its export and its learners.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, OTHER_INSTRUCTOR);
  await expect(other.getByRole('heading', { name: `Welcome, ${OTHER_INSTRUCTOR.name}` })).toBeVisible();
  expect((await other.goto(classPath))?.status()).toBe(404);
  const csv = await other.request.get(`${classPath}/progress.csv`);
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain('@');
  await other.goto('/teach');
  await expect(other.getByRole('link', { name: /Private class/ })).toHaveCount(0);
  await context.close();
});

test('changing a due date to the past shows overdue to the learner; withdrawing removes the assignment', async ({ page, browser }) => {
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible();
  const className = `Deadline class ${Date.now()}`;
  const { code } = await createClass(page, className, 'UTC');
  const learner = await newLearner(browser);
  await joinWithCode(learner.page, code);
  await expect(learner.page.getByText(`You joined ${className}.`)).toBeVisible();

  await page.reload();
  const moduleSelect = page.getByLabel('Module', { exact: true });
  const moduleTitle = (await moduleSelect.locator('option').nth(1).textContent())!;
  await moduleSelect.selectOption({ label: moduleTitle });
  await page.getByLabel('Due date').fill('2031-03-01');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByText('Module assigned.')).toBeVisible();

  // Change it to a date in the past: the dashboard and the learner see it overdue.
  const item = page.getByTestId('assignment').filter({ hasText: moduleTitle });
  await item.getByText('Change due date or note').click();
  await item.getByLabel('Date', { exact: true }).fill('2020-01-01');
  await item.getByLabel('Time', { exact: true }).fill('09:30');
  await item.getByRole('button', { name: 'Save' }).click();
  await expect(item.getByText(/Assignment updated\. The new due time has already passed\./)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('assignment').filter({ hasText: moduleTitle })).toContainText('due 2020-01-01 09:30');
  await expect(dashboardRow(page, learner.who.name)).toContainText('Overdue');
  await learner.page.goto('/home');
  const assigned = learner.page.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned.getByText('Overdue')).toBeVisible();
  await expect(assigned.getByText('Due 2020-01-01 09:30')).toBeVisible();

  // Filtering the table by status finds the learner; sorting by a column marks it.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Overdue' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(dashboardRow(page, learner.who.name)).toBeVisible();
  await page.getByRole('link', { name: 'Completion: sort ascending' }).click();
  await expect(page.getByRole('columnheader', { name: /Completion/ })).toHaveAttribute('aria-sort', 'ascending');

  // Withdraw: it disappears for the learner.
  await page.getByRole('button', { name: `Withdraw ${moduleTitle}` }).click();
  await page.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(page.getByTestId('assignment')).toHaveCount(0);
  await learner.page.reload();
  await expect(learner.page.getByRole('region', { name: 'Assigned to you' }).getByRole('heading', { name: moduleTitle })).toHaveCount(0);
  await learner.close();
});
