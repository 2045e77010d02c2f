// Authoring end to end: an instructor turns a Markdown file and a PDF into a course in the browser, reorders
// lessons, adds a card and publishes; a learner finds it in the catalogue, completes a lesson and reviews; the
// instructor uploads a new version, reviews the diff and applies it; the learner's progress and history stay.
// Another instructor cannot open the draft.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, signIn, signUpFreshLearner, DEMO, expectAccessible } from './fixtures';
import { makeLecturePdf } from '../lib/courses/parse/make-fixtures';

const OTHER_INSTRUCTOR = { email: 'other-instructor@example.com', password: 'other-instructor-demo', name: 'Otto Instructor' };

const para = (text: string) => Array.from({ length: 4 }, () => text).join(' ');
const SECTIONS: Record<string, string> = {
  Chambers: para(
    'The heart has four chambers: two atria on top and two ventricles below. The right atrium receives blood from the body. ' +
      'The left ventricle pumps blood into the aorta, which is why its wall is the thickest of the four chambers.',
  ),
  Valves: para(
    'The mitral valve separates the left atrium from the left ventricle. The aortic valve opens when the left ventricle contracts ' +
      'and closes to stop blood flowing back. The tricuspid valve has three leaflets and sits on the right side of the heart.',
  ),
  Pacemaker: para(
    'The sinoatrial node is the natural pacemaker of the heart. It sits in the wall of the right atrium and starts each heartbeat. ' +
      'The atrioventricular node delays the signal so that the atria empty before the ventricles contract.',
  ),
  'Coronary arteries': para(
    'The coronary arteries supply the heart muscle itself with oxygen-rich blood. A blockage of a coronary artery causes a heart ' +
      'attack, which doctors call a myocardial infarction. Angina is chest pain caused by reduced flow in the coronary arteries.',
  ),
};

function heartDoc(sections: string[]): Buffer {
  return Buffer.from(['# The heart', '', ...sections.flatMap((s) => [`## ${s}`, '', SECTIONS[s] ?? '', ''])].join('\n'));
}

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByLabel('Files to upload').setInputFiles(files);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
}

async function lessonTitles(page: Page, moduleTitle: string): Promise<string[]> {
  const items = page.getByRole('list', { name: `Lessons of ${moduleTitle}` }).getByRole('listitem');
  // the lesson's title line, without the "from <file>" note inside it
  const texts = await items.evaluateAll((els) =>
    els.map((el) => {
      const title = el.querySelector('span')?.cloneNode(true) as HTMLElement | undefined;
      title?.querySelectorAll('span').forEach((s) => s.remove());
      return (title?.textContent ?? '').trim();
    }),
  );
  return texts;
}

test('an instructor builds, publishes and updates a course; a learner keeps progress and history', async ({ page, browser }) => {
  test.setTimeout(480_000); // a production server on a shared 2-core machine: PDF parsing and card generation take seconds
  const title = `Circulation ${randomUUID().slice(0, 6)}`;

  // --- the instructor creates a draft and uploads a Markdown file and a PDF
  await signIn(page, DEMO.instructor);
  await expect(page.getByRole('heading', { name: `Welcome, ${DEMO.instructor.name}` })).toBeVisible({ timeout: 30_000 });
  await page.goto('/teach/courses');
  await expectAccessible(page);
  await page.getByLabel('Course title').fill(title);
  await page.getByLabel('Description').fill('The heart and memory, from lecture notes.');
  await page.getByRole('button', { name: 'Create draft course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const workspace = page.url();

  await upload(page, [
    { name: 'heart.md', mimeType: 'text/markdown', buffer: heartDoc(['Chambers', 'Valves', 'Pacemaker']) },
    { name: 'memory-lecture.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeLecturePdf(2)) },
  ]);
  await expect(page.getByText('Uploaded: 2 added.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Module 1: The heart' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Module 2: Lecture Notes on Memory' })).toBeVisible();
  expect(await lessonTitles(page, 'The heart')).toEqual(['1. Chambers', '2. Valves', '3. Pacemaker']);

  // a bad file gets its own message and nothing is uploaded
  await upload(page, [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }]);
  await expect(page.getByRole('list', { name: 'Problems with the files' })).toContainText('photo.png');

  // --- reorder two lessons with the keyboard
  await page.getByRole('button', { name: 'Move lesson Valves up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Moved lesson Valves up.')).toBeVisible();
  await expect.poll(() => lessonTitles(page, 'The heart')).toEqual(['1. Valves', '2. Chambers', '3. Pacemaker']);
  await expectAccessible(page);

  // --- another instructor cannot open the draft (404, its existence is not revealed)
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, OTHER_INSTRUCTOR);
  await expect(other.getByRole('heading', { name: `Welcome, ${OTHER_INSTRUCTOR.name}` })).toBeVisible({ timeout: 30_000 });
  await other.goto(workspace);
  await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await other.goto(`${workspace}/publish`);
  await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // --- preview a lesson and add an own card
  await page.getByRole('link', { name: 'Preview lesson Valves' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Valves' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Generated cards \([1-9]/ })).toBeVisible();
  await page.getByLabel('Question', { exact: true }).fill('Which valve has three leaflets?');
  await page.getByLabel('Answer', { exact: true }).fill('The tricuspid valve');
  await page.getByRole('button', { name: 'Add card', exact: true }).click();
  await expect(page.getByText('Card added to the draft')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your cards (1)' })).toBeVisible();
  await expectAccessible(page);

  // --- publish
  await page.goto(`${workspace}/publish`);
  await expect(page.getByTestId('diff-summary')).toContainText(/Lessons: [3-9] added, 0 changed, 0 retired/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Publish course' }).click();
  await expect(page.getByText(/^Published: /)).toBeVisible();

  // --- a learner finds it in the catalogue, completes the first lesson and reviews its cards
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signUpFreshLearner(learner);
  await learner.goto('/courses');
  await expect(learner.getByRole('heading', { name: title })).toBeVisible();
  await learner.getByRole('button', { name: `Enrol in ${title}` }).click();
  await learner.goto('/courses');
  await learner.getByRole('link', { name: `Open ${title}` }).click();
  await learner.getByRole('link', { name: /^Start the course: Valves/ }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Valves' })).toBeVisible();
  await learner.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(learner.getByRole('button', { name: '✓ Completed' })).toBeVisible();
  await learner.goto('/review');
  const fresh = Number(await learner.getByTestId('count-new').textContent());
  expect(fresh).toBeGreaterThanOrEqual(2); // generated cards and the instructor's own card
  const reviewed = Math.min(fresh, 3);
  for (let i = 0; i < reviewed; i++) {
    await learner.getByRole('button', { name: /Show answer/ }).click();
    await learner.getByRole('button', { name: /^Good/ }).click();
    await expect(learner.getByTestId('count-new')).toHaveText(String(fresh - i - 1));
  }
  await learner.goto('/stats');
  await expect(learner.getByTestId('total-reviews')).toHaveText(String(reviewed));

  // --- the instructor uploads an edited version, sees the diff and applies it
  await page.goto(workspace);
  await upload(page, [{ name: 'heart.md', mimeType: 'text/markdown', buffer: heartDoc(['Chambers', 'Valves', 'Coronary arteries']) }]);
  await expect(page.getByText('Uploaded: 1 new version.')).toBeVisible();
  // the new lesson follows its neighbour in the document (Valves); the instructor's order is kept
  expect(await lessonTitles(page, 'The heart')).toEqual(['1. Valves', '2. Coronary arteries', '3. Chambers']);
  await page.goto(`${workspace}/publish`);
  await expect(page.getByRole('heading', { name: 'Review changes before applying' })).toBeVisible();
  await expect(page.getByTestId('diff-summary')).toContainText('1 added');
  await expect(page.getByTestId('diff-summary')).toContainText('1 retired');
  await expect(page.getByRole('heading', { name: 'Lessons added (1)' })).toBeVisible();
  await expect(page.getByText('Coronary arteries', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lessons retired (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply changes' }).click();
  await expect(page.getByText(/^Published: 1 lessons added, \d+ changed, 1 retired/)).toBeVisible();

  // --- the learner's progress and review history are intact
  await learner.goto('/stats');
  await expect(learner.getByTestId('total-reviews')).toHaveText(String(reviewed));
  await learner.goto('/courses');
  await learner.getByRole('link', { name: `Open ${title}` }).click();
  await learner.getByRole('link', { name: 'Valves (completed)' }).click(); // still completed after the update
  await expect(learner.getByRole('button', { name: '✓ Completed' })).toBeVisible();

  // a learner adds a private card to the lesson
  await learner.getByText('Add a private card').click();
  await learner.getByLabel('Question', { exact: true }).fill('My own valve question');
  await learner.getByLabel('Answer', { exact: true }).fill('My answer');
  await learner.getByRole('button', { name: 'Add card', exact: true }).click();
  await expect(learner.getByText('Your private card is in your reviews.')).toBeVisible();
  await expectAccessible(learner);

  // and the learner cannot open the instructor's pages
  await learner.goto(workspace);
  await expect(learner.getByRole('heading', { name: /Page not found|don’t have access/ })).toBeVisible();

  await otherContext.close();
  await learnerContext.close();
});
