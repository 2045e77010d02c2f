// Anki interop as people use it: a learner reviews, downloads their deck, another learner imports it and has
// the same next due dates; an instructor imports a plain-text deck as a course; bad files are refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

const reader = path.resolve('lib/interop/anki/testdata/read_apkg.py');
const dir = mkdtempSync(path.join(os.tmpdir(), 'anki-e2e-'));

interface PyCard { guid: string; type: number; queue: number; due: number; reps: number }
function readPackage(file: string): { cards: PyCard[]; revlog: unknown[]; col: { crt: number } } {
  return JSON.parse(execFileSync('python3', [reader, file], { encoding: 'utf8' })) as { cards: PyCard[]; revlog: unknown[]; col: { crt: number } };
}

/** The instant a card is due, from Anki's fields (days since the collection's creation, or unix seconds). */
function dueMs(c: PyCard, crt: number): number | null {
  if (c.queue === 1) return c.due * 1000;
  if (c.type === 2 || c.queue === 3) return (crt + c.due * 86_400) * 1000;
  return null;
}

/** Signs up a fresh learner, waiting longer than the shared fixture does (bcrypt on a busy machine). */
async function signUp(page: Page, tag: string) {
  const who = { name: `Anki Learner ${tag} ${Date.now()}`, email: `anki-${tag}-${Date.now()}@example.com`, password: 'correct-horse-9' };
  await page.goto('/signup');
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${who.name}` })).toBeVisible({ timeout: 30_000 });
}

async function download(page: Page, name: string): Promise<string> {
  await page.goto('/anki');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download for Anki (.apkg)' }).click()]);
  const target = path.join(dir, name);
  await file.saveAs(target);
  return target;
}

test('a learner’s deck goes to Anki and into another learner’s reviews with the same due dates', async ({ page, browser }) => {
  // two learners, two sign-ups (bcrypt) and two downloads: slow on a shared machine
  test.setTimeout(180_000);
  await signUp(page, 'a');
  await page.goto('/courses/deep-learning-foundations');
  await page.getByRole('link', { name: /^Start the course: / }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible();
  await page.goto('/review');
  for (const key of ['3', '4', '1']) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeHidden();
  }
  await page.goto('/anki');
  await expect(page.getByRole('heading', { name: 'Anki', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const aFile = await download(page, 'a.apkg');
  const a = readPackage(aFile);
  expect(a.revlog).toHaveLength(3);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, 'b');
  await page2.goto('/anki');
  await page2.getByLabel('Anki deck file').setInputFiles(aFile);
  await page2.getByRole('button', { name: 'Import' }).click();
  await expect(page2.getByRole('status')).toContainText(/continue from 3 replayed reviews/);
  const b = readPackage(await download(page2, 'b.apkg'));
  expect(b.cards.map((c) => c.guid).sort()).toEqual(a.cards.map((c) => c.guid).sort());
  expect(b.revlog).toHaveLength(3);
  let compared = 0;
  let maxDiff = 0;
  for (const ca of a.cards) {
    const cb = b.cards.find((c) => c.guid === ca.guid);
    const da = dueMs(ca, a.col.crt);
    const db = cb ? dueMs(cb, b.col.crt) : null;
    expect(cb?.reps).toBe(ca.reps);
    if (da !== null && db !== null) {
      compared++;
      maxDiff = Math.max(maxDiff, Math.abs(da - db));
    }
  }
  expect(compared).toBe(3);
  expect(maxDiff).toBeLessThan(86_400_000);
  console.log(`anki e2e: ${a.cards.length} cards, ${a.revlog.length} revlog rows exported; ${compared} scheduled cards compared after import, max due difference ${(maxDiff / 3_600_000).toFixed(3)} h`);
  await other.close();
});

test('an instructor imports a plain-text deck as a draft course; bad files are refused', async ({ page, login }) => {
  await login('instructor');
  await page.goto('/anki');
  const bad = path.join(dir, 'bad.apkg');
  writeFileSync(bad, 'this is not a zip');
  await page.getByLabel('Anki deck file').setInputFiles(bad);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText(/This is not an Anki package/)).toBeVisible();

  const csv = path.join(dir, 'capitals.txt');
  writeFileSync(csv, '#separator:tab\n#html:false\n#deck:E2E Capitals\nFrance\tParis\n{{c1::Rome}} is in Italy\t\n');
  await page.getByLabel('Anki deck file').setInputFiles(csv);
  await page.getByRole('radio', { name: /A new draft course/ }).check();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 cards in 1 module as the draft course “E2E Capitals”.');
  await page.getByRole('link', { name: 'Open the course’s cards' }).click();
  await page.getByRole('link', { name: 'E2E Capitals (2)' }).click();
  await expect(page.getByText('[...] is in Italy').first()).toBeVisible();
});

test('a learner’s own deck with pictures and sound: the media comes along, only they can load it', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const file = path.join(dir, 'media.apkg');
  execFileSync('python3', [path.resolve('lib/interop/anki/testdata/make_apkg.py'), file, 'media']);
  await signUp(page, 'm');
  await page.goto('/anki');
  await page.getByLabel('Anki deck file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('2 image or sound files imported.', { timeout: 30_000 });
  await expect(status).toContainText('1 media file of another type was not imported');
  await expect(status).toContainText('1 note of the note type “Image Occlusion” skipped');
  // review until the card with the picture shows (front of the reversed card, or back of the other)
  await page.goto('/review');
  const picture = page.getByRole('img', { name: 'A mouth open' });
  for (let i = 0; i < 8 && !(await picture.isVisible()); i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
    if (await picture.isVisible()) break;
    await page.keyboard.press('3');
    await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeHidden();
  }
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
  await expect(page.locator('audio[controls]').first()).toBeAttached();
  await expectAccessible(page);
  const src = (await picture.getAttribute('src')) ?? '';
  expect(src).toMatch(/^\/media\/[A-Za-z0-9_-]+$/);
  const own = await page.request.get(src);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toBe('image/png');
  expect(own.headers()['x-content-type-options']).toBe('nosniff');
  expect(own.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  // another learner, and nobody signed in, get nothing
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, 'n');
  expect((await page2.request.get(src)).status()).toBe(404);
  await other.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(src)).status()).toBe(401);
  await anonymous.close();
});

test('the download needs a signed-in user', async ({ request }) => {
  const res = await request.get('/anki/download');
  expect(res.status()).toBe(401);
});
