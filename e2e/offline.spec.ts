// Offline review (issue 15): an installable app whose review screen opens and goes on without the network,
// queues grades in IndexedDB and sends each exactly once, with its own time, when the network is back.
import Database from 'better-sqlite3';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { test, expect, openCourse, signIn, signUpFreshLearner, COURSES, type Credentials } from './fixtures';

// Several lessons, a production build's service worker and IndexedDB: slow on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function completeTwoLessons(page: Page) {
  await openCourse(page, COURSES.demo);
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.getByRole('link', { name: /Continue to next lesson/ }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
}

/** Opens /review and waits until the service worker keeps it and today's reviews are saved on the device. */
async function openReviewReadyForOffline(page: Page) {
  await page.goto('/review');
  await expect(page.locator('html[data-offline-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('[data-testid="offline-status"][data-deck-saved="true"]')).toBeAttached();
}

// Chromium's offline emulation does not cover a service worker's own fetches: refuse those too.
const swOffline = (route: Route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue());
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**', swOffline);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**', swOffline);
  await context.setOffline(false);
}

const banner = (page: Page) => page.getByTestId('offline-status');

async function reviewFive(page: Page) {
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(banner(page)).toHaveText(`Offline — ${i} grade${i === 1 ? '' : 's'} waiting`);
  }
}

type Queued = { clientId: string; reviewedAt: string; userId: string };
/** The grades waiting in this page's IndexedDB. */
function queuedGrades(page: Page): Promise<Queued[]> {
  return page.evaluate(
    () =>
      new Promise<Queued[]>((resolve, reject) => {
        const open = indexedDB.open('course-review-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('grades').objectStore('grades').getAll();
          req.onsuccess = () => resolve(req.result as Queued[]);
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
function putGrades(page: Page, grades: unknown[]) {
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('course-review-offline');
        open.onsuccess = () => {
          const tx = open.result.transaction('grades', 'readwrite');
          for (const g of list) tx.objectStore('grades').put(g);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    grades,
  );
}
async function rawQueue(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('course-review-offline');
        open.onsuccess = () => {
          const req = open.result.transaction('grades').objectStore('grades').getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
        };
      }),
  );
}

/** What the server recorded for this learner: client ids and review times, oldest first. */
function serverReviews(who: Credentials): { clientId: string; review: string }[] {
  const db = new Database('data/e2e.db', { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`SELECT r."clientId", r."review" FROM "ReviewLog" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = ? ORDER BY r."review"`)
      .all(who.email) as { clientId: string; review: string }[];
  } finally {
    db.close();
  }
}
const asRecorded = (q: Queued[]) =>
  q.map((g) => ({ clientId: g.clientId, review: new Date(g.reviewedAt).toISOString() })).sort((a, b) => a.review.localeCompare(b.review));
const normalise = (rows: { clientId: string; review: string }[]) => rows.map((r) => ({ clientId: r.clientId, review: new Date(r.review).toISOString() }));

test('the app is installable: a manifest that starts on /review with its own icons', async ({ request }) => {
  const res = await request.get('/manifest.webmanifest');
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as { start_url: string; display: string; icons: { src: string; type: string }[] };
  expect(manifest.start_url).toBe('/review');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toContain(icon.type);
  }
});

test('review five cards offline, reload offline, and the server gets exactly those five with their times, once', async ({ page, context, login }) => {
  const who = await login('learner');
  await completeTwoLessons(page);
  await openReviewReadyForOffline(page);

  await goOffline(context);
  await reviewFive(page);
  // A reload without the network still opens the review screen and goes on where it was.
  await page.reload();
  await expect(banner(page)).toHaveText('Offline — 5 grades waiting');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  const queued = await queuedGrades(page);
  expect(queued).toHaveLength(5);
  expect(serverReviews(who)).toEqual([]);
  const copy = await rawQueue(page);

  await goOnline(context);
  await expect(page.getByText('Sent 5 grades made offline.')).toBeVisible();
  await expect(banner(page)).toHaveText('');
  expect(normalise(serverReviews(who))).toEqual(asRecorded(queued));

  // The tab closed mid-sync, before it could forget them: the same five are sent again, and nothing changes.
  await putGrades(page, copy);
  await page.reload();
  await expect.poll(async () => (await queuedGrades(page)).length).toBe(0);
  expect(normalise(serverReviews(who))).toEqual(asRecorded(queued));
});

test('grades made before the session expired wait for sign-in, and are never sent under another account', async ({ page, context, login }) => {
  const who = await login('learner');
  await completeTwoLessons(page);
  await openReviewReadyForOffline(page);
  await goOffline(context);
  await reviewFive(page);
  const queued = await queuedGrades(page);

  // The session ends while offline; the network comes back.
  await context.clearCookies();
  await goOnline(context);
  await expect(banner(page)).toContainText('5 grades waiting — sign in again to send them.');
  expect(serverReviews(who)).toEqual([]);

  // Someone else signs in on this device: the grades stay, unsent.
  const other = await signUpFreshLearner(page);
  await page.goto('/review');
  await expect(banner(page)).toContainText('5 grades made under another account stay on this device');
  expect(serverReviews(other)).toEqual([]);
  expect(serverReviews(who)).toEqual([]);

  // The learner signs in again: their grades go, with their own times.
  await context.clearCookies();
  await signIn(page, who, '/review');
  await expect(page.getByText('Sent 5 grades made offline.')).toBeVisible({ timeout: 30_000 });
  expect(normalise(serverReviews(who))).toEqual(asRecorded(queued));
  expect(serverReviews(other)).toEqual([]);
});
