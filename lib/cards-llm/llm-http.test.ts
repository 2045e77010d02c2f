// The HTTP model and file cache against a real local server replaying recorded replies (fixtures/replies.json):
// good answers, malformed JSON, a schema violation, a timeout, a 500, hallucinated and leaking cards, a cache hit
// that sends nothing, and an unreachable server; then a whole content sync on a fresh SQLite file.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCourseCards } from '@/lib/cards';
import { CardModelError, formatLessonProgress, generateCourseCardsWithLlm, type LessonProgress } from '@/lib/cards/llm';
import { makeLesson } from '@/lib/cards/test-helpers';
import type { Course } from '@/lib/content/types';
import { syncContentFolder } from '@/lib/sync/folder';
import { createTestDb, type TestDb } from '@/test/db';
import { createFileCardCache } from './file-cache';
import { createHttpCardModel } from './http-model';
import { llmCourseGenerator } from './index';
import { lessonOf, startFakeLlmServer, type FakeLlmServer, type FakeReply } from './fake-server';
import replies from './fixtures/replies.json';

const HISTORY_TEXT =
  'In 2012 AlexNet won the ImageNet challenge. AlexNet was trained on two GPUs for about a week. NVIDIA released CUDA in 2007, which made general-purpose GPU programming practical.\n';
const TRAINING_TEXT =
  'Backpropagation computes the gradient of the loss with the chain rule. Rumelhart, Hinton and Williams popularised backpropagation in 1986. The gradient tells each weight how to change to reduce the loss.\n';

const history = makeLesson(HISTORY_TEXT, { key: 'dl/history', title: 'History of deep learning', moduleKey: 'dl' });
const training = makeLesson(TRAINING_TEXT, { key: 'dl/training', title: 'Training neural networks', moduleKey: 'dl' });
const course: Course = {
  key: 'dl',
  title: 'Deep learning',
  description: '',
  modules: [{ key: 'dl', title: 'Deep learning', description: '', order: 0, prerequisites: [], sources: ['dl.md'], lessons: [history, training] }],
};

type Recorded = Exclude<keyof typeof replies, '_note'>;
const recorded = (name: Recorded): FakeReply => ({ body: replies[name] });

let server: FakeLlmServer | undefined;
let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cards-llm-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Serves `history` for the history lesson and the good recorded answer for the training lesson. */
async function serve(historyReply: FakeReply): Promise<FakeLlmServer> {
  server = await startFakeLlmServer((req) => (lessonOf(req) === history.title ? historyReply : recorded('training-good')));
  return server;
}

async function run(url: string, timeoutMs = 5000): Promise<{ cards: ReturnType<typeof generateCourseCards>; lessons: LessonProgress[]; lines: string[] }> {
  const lines: string[] = [];
  const model = createHttpCardModel({ url, model: 'qwen2.5:7b-instruct', key: 'secret', timeoutMs });
  const result = await generateCourseCardsWithLlm(course, {
    model,
    cache: createFileCardCache(cacheDir),
    ruleCards: generateCourseCards,
    onProgress: (p) => lines.push(formatLessonProgress(p)),
  });
  return { ...result, lines };
}

const ruleKeys = (lessonKey: string) => generateCourseCards(course).filter((c) => c.lessonKey === lessonKey).map((c) => c.key);

describe('LLM cards over HTTP (fake OpenAI-compatible server)', () => {
  it('posts one JSON-schema request per lesson and keeps the grounded cards', async () => {
    const s = await serve(recorded('history-good'));
    const { cards, lines } = await run(s.url);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions', authorization: 'Bearer secret', body: { model: 'qwen2.5:7b-instruct' } });
    expect(s.requests[0]?.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'flashcards', strict: true } });
    expect(cards.filter((c) => c.lessonKey === 'dl/history').map((c) => [c.type, c.back])).toEqual([
      ['basic', 'AlexNet'],
      ['basic', 'NVIDIA'],
    ]);
    expect(cards.every((c) => c.origin === 'llm')).toBe(true);
    // a 29-word lesson gets a budget of 2 cards: the model's third card is over it
    expect(lines).toEqual(['[1/2] dl/history: 2 cards (1 dropped: over-budget 1) llm', '[2/2] dl/training: 2 cards llm']);
  });

  it('answers a second run from the file cache: the server sees zero requests', async () => {
    const first = await run((await serve(recorded('history-good'))).url);
    await server!.close();
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const s = await serve({ status: 500, body: { error: 'must not be called' } });
    const second = await run(s.url);
    expect(s.requests).toHaveLength(0);
    expect(second.cards).toEqual(first.cards);
    expect(second.lines).toEqual(['[1/2] dl/history: 2 cards (1 dropped: over-budget 1) cached', '[2/2] dl/training: 2 cards cached']);
  });

  it('drops hallucinated answers (not in the lesson, or not in the quoted passage) and counts them', async () => {
    const { cards, lines } = await run((await serve(recorded('history-hallucinated'))).url);
    expect(cards.filter((c) => c.lessonKey === 'dl/history').map((c) => c.back)).toEqual(['AlexNet']);
    expect(lines[0]).toBe('[1/2] dl/history: 1 cards (3 dropped: ungrounded 2, quote-not-in-lesson 1) llm');
  });

  it('drops cards whose front gives the answer away', async () => {
    const { cards, lines } = await run((await serve(recorded('history-leak'))).url);
    expect(cards.filter((c) => c.lessonKey === 'dl/history').map((c) => c.back)).toEqual(['NVIDIA']);
    expect(lines[0]).toBe('[1/2] dl/history: 1 cards (2 dropped: leak 2) llm');
  });

  it('drops schema-violating cards one by one and keeps the valid ones', async () => {
    const { lines } = await run((await serve(recorded('history-bad-items'))).url);
    expect(lines[0]).toBe('[1/2] dl/history: 1 cards (2 dropped: invalid 2) llm');
  });

  it.each([
    ['malformed JSON', recorded('history-malformed-json'), /LLM failed, rule-based cards: the model answered malformed JSON/],
    ['a reply that violates the schema', recorded('history-schema-violation'), /does not match the schema \(no "cards" array\)/],
    ['an HTTP 500', { status: 500, body: { error: 'model crashed' } } satisfies FakeReply, /answered HTTP 500: \{"error":"model crashed"\}/],
    ['a 404 (wrong URL or model)', { status: 404, body: { error: 'model "x" not found' } } satisfies FakeReply, /HTTP 404 \(does CARDS_LLM_URL end with \/v1/],
    ['a non-JSON body', { body: '<html>Bad gateway</html>' } satisfies FakeReply, /the server reply is not JSON/],
    ['a dropped connection', { destroy: true } satisfies FakeReply, /closed the connection without an answer \(UND_ERR_SOCKET\)/],
  ])('falls back to rule cards for a lesson on %s, keeps the other lesson and caches nothing bad', async (_name, reply, message) => {
    const { cards, lessons, lines } = await run((await serve(reply)).url);
    expect(lessons[0]?.via).toBe('rules');
    expect(lines[0]).toMatch(message);
    expect(cards.filter((c) => c.lessonKey === 'dl/history').map((c) => c.key)).toEqual(ruleKeys('dl/history'));
    expect(lessons[1]).toMatchObject({ via: 'llm', cards: 2 });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const s = await serve({ hang: true });
    const started = Date.now();
    const { lessons, lines } = await run(s.url, 400);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(lessons.map((l) => l.via)).toEqual(['rules', 'llm']);
    expect(lines[0]).toMatch(/did not answer within 0\.4 s \(CARDS_LLM_TIMEOUT_MS\)/);
  });

  it('falls back on an unreachable server with one clear message and does not ask again', async () => {
    const s = await serve(recorded('history-good'));
    const url = s.url;
    await s.close();
    server = undefined;
    const model = createHttpCardModel({ url, model: 'm', timeoutMs: 2000 });
    await expect(model.complete({} as never)).rejects.toThrow(CardModelError);
    const { cards, lessons, lines } = await run(url);
    expect(lessons.map((l) => l.via)).toEqual(['rules', 'rules']);
    expect(lines[0]).toMatch(/LLM server http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions is unreachable \(ECONNREFUSED\); is it running, and is CARDS_LLM_URL right\?/);
    expect(lines[1]).toMatch(/not sent, the LLM server is unreachable \(see above\)$/);
    expect(cards.map((c) => c.key)).toEqual(generateCourseCards(course).map((c) => c.key));
  });
});

describe('createHttpCardModel errors', () => {
  it('calls a port fetch refuses to use unreachable, so later lessons are not sent', async () => {
    const model = createHttpCardModel({ url: 'http://127.0.0.1:9/v1/', model: 'm', timeoutMs: 2000 });
    const error = await model.complete({} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardModelError);
    expect(error).toMatchObject({ kind: 'unreachable', message: 'LLM server http://127.0.0.1:9/v1/chat/completions is unreachable (bad port); is it running, and is CARDS_LLM_URL right?' });
  });
});

describe('content sync with LLM cards (SQLite)', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.cleanup());

  function contentFolder(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'content-llm-'));
    writeFileSync(path.join(dir, 'history.md'), `# History of deep learning\n\n${HISTORY_TEXT}`);
    writeFileSync(path.join(dir, 'training.md'), `# Training neural networks\n\n${TRAINING_TEXT}`);
    return dir;
  }

  it('stores the LLM cards, re-syncs from the cache without a request, and completes with rule cards when the server is down', async () => {
    const dir = contentFolder();
    const s = await serve(recorded('history-good'));
    const config = { url: s.url, model: 'qwen2.5:7b-instruct', timeoutMs: 5000, cacheDir };
    const lines: string[] = [];
    const first = await syncContentFolder(t.db, dir, llmCourseGenerator(config, generateCourseCards, (l) => lines.push(l)));
    expect(first.ok && first.cards).toBe(4);
    expect(lines).toEqual([
      '[1/2] history-of-deep-learning/history-of-deep-learning: 2 cards (1 dropped: over-budget 1) llm',
      '[2/2] training-neural-networks/training-neural-networks: 2 cards llm',
    ]);
    expect((await t.db.card.findMany({ orderBy: { back: 'asc' } })).map((c) => c.back)).toEqual(['1986', 'AlexNet', 'NVIDIA', 'the chain rule']);

    const again = await syncContentFolder(t.db, dir, llmCourseGenerator(config, generateCourseCards, () => undefined));
    expect(s.requests).toHaveLength(2);
    expect(again.ok && again.report.changes).toBe(0);

    await s.close();
    server = undefined;
    writeFileSync(path.join(dir, 'training.md'), `# Training neural networks\n\n${TRAINING_TEXT}Dropout randomly removes units during training to reduce overfitting.\n`);
    const down: string[] = [];
    const third = await syncContentFolder(t.db, dir, llmCourseGenerator(config, generateCourseCards, (l) => down.push(l)));
    expect(third.ok).toBe(true);
    expect(down[0]).toMatch(/history-of-deep-learning: 2 cards \(1 dropped: over-budget 1\) cached$/);
    expect(down[1]).toMatch(/training-neural-networks: \d+ cards rules — LLM failed, rule-based cards: LLM server .* is unreachable/);
  });
});
