// LLM card generation's pure core with an in-memory model and cache (the HTTP client and file cache are tested
// against a real local server in lib/cards-llm).

import { describe, expect, it } from 'vitest';
import {
  buildLlmRequest,
  CardModelError,
  formatLessonProgress,
  generateCourseCardsWithLlm,
  llmCacheKey,
  parseCardsContent,
  parseChatCompletion,
  validateLlmCards,
  type CardCache,
  type CardModel,
  type LlmRequest,
} from './llm';
import { makeCourse, makeLesson } from './test-helpers';
import type { GeneratedCard } from './types';

const HISTORY = makeLesson('## 2012 Imagenet\n\nIn 2012 AlexNet won the Imagenet challenge. NVIDIA released CUDA in 2007.\n', {
  key: 'mod/history',
  title: 'History of deep learning',
});
const ALEXNET = { type: 'basic', front: 'Which model won the Imagenet challenge in 2012?', back: 'AlexNet', source: 'In 2012 AlexNet won the Imagenet challenge.' };
const CUDA = { type: 'basic', front: 'Which company released CUDA in 2007?', back: 'NVIDIA', source: 'NVIDIA released CUDA in 2007.' };

const completion = (cards: unknown[]) => JSON.stringify({ choices: [{ message: { role: 'assistant', content: JSON.stringify({ cards }) } }] });

function memoryCache(): CardCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

function scriptedModel(answers: Array<string | Error>): CardModel & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  return {
    model: 'test-model',
    requests,
    async complete(request) {
      requests.push(request);
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected request');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const RULE_CARD = (lessonKey: string): GeneratedCard => ({
  key: `rule-${lessonKey}`,
  lessonKey,
  moduleKey: 'mod',
  type: 'basic',
  front: 'rule front',
  back: 'rule back',
  source: 'rule source',
  anchor: '',
  score: 0.5,
  origin: 'when',
});
const ruleCards = (course: ReturnType<typeof makeCourse>) => course.modules.flatMap((m) => m.lessons.map((l) => RULE_CARD(l.key)));

describe('buildLlmRequest', () => {
  it('sends the lesson with a strict JSON schema response_format and a grounded, atomic prompt', () => {
    const req = buildLlmRequest(HISTORY, { courseTitle: 'Deep learning', moduleTitle: 'History' }, 'qwen2.5:7b', 4);
    expect(req.model).toBe('qwen2.5:7b');
    expect(req.response_format.type).toBe('json_schema');
    expect(req.response_format.json_schema.strict).toBe(true);
    expect(req.response_format.json_schema.schema.properties.cards.items.required).toEqual(['type', 'front', 'back', 'source']);
    expect(req.messages[0]?.content).toMatch(/atomic/);
    expect(req.messages[0]?.content).toMatch(/copied verbatim/);
    expect(req.messages[1]?.content).toContain('In 2012 AlexNet won the Imagenet challenge.');
    expect(req.messages[1]?.content).toContain('at most 4 cards');
  });

  it('keys the cache by lesson content, model and prompt', () => {
    const key = llmCacheKey(buildLlmRequest(HISTORY, {}, 'm'));
    expect(key).toMatch(/^llm-\d+-m-[0-9a-f]{32}$/);
    expect(llmCacheKey(buildLlmRequest(HISTORY, {}, 'm'))).toBe(key);
    expect(llmCacheKey(buildLlmRequest(HISTORY, {}, 'other'))).not.toBe(key);
    expect(llmCacheKey(buildLlmRequest({ ...HISTORY, markdown: `${HISTORY.markdown} More.` }, {}, 'm'))).not.toBe(key);
  });
});

describe('reply parsing', () => {
  it('reads the assistant message and its cards array', () => {
    const body = parseChatCompletion(completion([ALEXNET]));
    expect(body.ok && parseCardsContent(body.value)).toEqual({ ok: true, value: [ALEXNET] });
    expect(parseCardsContent('```json\n{"cards": []}\n```')).toEqual({ ok: true, value: [] });
  });

  it('names what is wrong with a reply', () => {
    expect(parseChatCompletion('<html>502</html>')).toEqual({ ok: false, problem: 'the server reply is not JSON' });
    expect(parseChatCompletion('{"error":"x"}')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a chat completion/) });
    expect(parseCardsContent('{"cards": [')).toEqual({ ok: false, problem: 'the model answered malformed JSON' });
    expect(parseCardsContent('{"flashcards": []}')).toMatchObject({ ok: false, problem: expect.stringMatching(/schema/) });
  });
});

describe('validateLlmCards', () => {
  it('keeps grounded cards with keys, anchors and the lesson passage as source', () => {
    const { cards, dropped } = validateLlmCards(HISTORY, [ALEXNET, CUDA]);
    expect(dropped).toEqual({});
    expect(cards.map((c) => c.back)).toEqual(['AlexNet', 'NVIDIA']);
    expect(cards[0]).toMatchObject({ lessonKey: 'mod/history', moduleKey: 'mod', anchor: '2012-imagenet', origin: 'llm', source: 'In 2012 AlexNet won the Imagenet challenge.' });
    expect(cards[0]?.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('drops and counts hallucinated, leaking, dangling, invalid and unquoted cards', () => {
    const { cards, dropped } = validateLlmCards(HISTORY, [
      ALEXNET,
      { ...ALEXNET, back: 'GoogLeNet' }, // answer not in the passage
      { type: 'basic', front: 'In what year did AlexNet win the Imagenet challenge?', back: '2013', source: ALEXNET.source }, // wrong year
      { type: 'cloze', front: 'NVIDIA released [...] in 2007 as the CUDA platform.', back: 'CUDA', source: CUDA.source }, // leak
      { type: 'basic', front: 'What did it win in 2012?', back: 'the Imagenet challenge', source: ALEXNET.source }, // "it"
      { type: 'basic', front: 'Who invented the telephone?', back: 'Bell', source: 'Bell invented the telephone.' }, // not in the lesson
      { type: 'essay', front: 'Discuss CUDA.', back: 'x', source: CUDA.source },
      { type: 'cloze', front: 'NVIDIA released CUDA in 2007.', back: 'CUDA', source: CUDA.source }, // no gap
      'garbage',
      { ...ALEXNET, front: 'Which model won the 2012 Imagenet challenge?' }, // same fact again
    ]);
    expect(cards.map((c) => c.back)).toEqual(['AlexNet']);
    expect(dropped).toEqual({ ungrounded: 2, leak: 1, 'not-self-contained': 1, 'quote-not-in-lesson': 1, invalid: 3, duplicate: 1 });
  });

  it('keeps at most the budget and drops near-duplicates of cards kept in earlier lessons', () => {
    expect(validateLlmCards(HISTORY, [ALEXNET, CUDA], { maxCards: 1 }).dropped).toEqual({ 'over-budget': 1 });
    const earlier = validateLlmCards(HISTORY, [ALEXNET]).cards;
    expect(validateLlmCards(HISTORY, [ALEXNET, CUDA], { kept: earlier })).toMatchObject({ dropped: { duplicate: 1 } });
  });
});

describe('generateCourseCardsWithLlm', () => {
  const second = makeLesson('Backpropagation computes the gradient of the loss with the chain rule.', { key: 'mod/backprop', title: 'Training' });
  const course = makeCourse([HISTORY, second]);
  const backprop = { type: 'basic', front: 'Which rule does backpropagation use to compute the gradient of the loss?', back: 'the chain rule', source: 'Backpropagation computes the gradient of the loss with the chain rule.' };

  it('asks once per lesson, caches the answers and asks nothing on a re-run', async () => {
    const cache = memoryCache();
    const lines: string[] = [];
    const model = scriptedModel([completion([ALEXNET, CUDA, { ...CUDA, back: 'Intel' }]), completion([backprop])]);
    const first = await generateCourseCardsWithLlm(course, { model, cache, ruleCards, onProgress: (p) => lines.push(formatLessonProgress(p)) });
    expect(model.requests).toHaveLength(2);
    expect(first.cards.map((c) => c.back)).toEqual(['AlexNet', 'NVIDIA', 'the chain rule']);
    expect(lines).toEqual(['[1/2] mod/history: 2 cards (1 dropped: ungrounded 1) llm', '[2/2] mod/backprop: 1 cards llm']);
    expect(cache.map.size).toBe(2);

    const again = scriptedModel([]);
    const lines2: string[] = [];
    const second = await generateCourseCardsWithLlm(course, { model: again, cache, ruleCards, onProgress: (p) => lines2.push(formatLessonProgress(p)) });
    expect(again.requests).toHaveLength(0);
    expect(second.cards).toEqual(first.cards);
    expect(lines2).toEqual(['[1/2] mod/history: 2 cards (1 dropped: ungrounded 1) cached', '[2/2] mod/backprop: 1 cards cached']);
  });

  it('falls back to rule cards for a lesson whose answer fails, and does not cache it', async () => {
    const cache = memoryCache();
    const model = scriptedModel([new CardModelError('http', 'LLM server answered HTTP 500'), '{"choices":[{"message":{"content":"{\\"cards\\": ["}}]}']);
    const result = await generateCourseCardsWithLlm(course, { model, cache, ruleCards });
    expect(result.cards.map((c) => c.key)).toEqual(['rule-mod/history', 'rule-mod/backprop']);
    expect(result.lessons.map((l) => [l.via, l.problem])).toEqual([
      ['rules', 'LLM failed, rule-based cards: LLM server answered HTTP 500'],
      ['rules', 'LLM failed, rule-based cards: the model answered malformed JSON'],
    ]);
    expect(cache.map.size).toBe(0);
  });

  it('stops asking an unreachable server but still uses cached answers', async () => {
    const cache = memoryCache();
    await cache.set(llmCacheKey(buildLlmRequest(second, { moduleTitle: 'Module', courseTitle: 'Course' }, 'test-model')), JSON.stringify({ cards: [backprop] }));
    const model = scriptedModel([new CardModelError('unreachable', 'LLM server is unreachable (ECONNREFUSED)')]);
    const three = makeCourse([HISTORY, makeLesson('Dropout randomly removes units during training.', { key: 'mod/dropout' }), second]);
    const result = await generateCourseCardsWithLlm(three, { model, cache, ruleCards });
    expect(model.requests).toHaveLength(1);
    expect(result.lessons.map((l) => l.via)).toEqual(['rules', 'rules', 'cached']);
    expect(result.lessons[1]?.problem).toBe('LLM failed, rule-based cards: not sent, the LLM server is unreachable (see above)');
    expect(result.cards.map((c) => c.back)).toEqual(['rule back', 'rule back', 'the chain rule']);
  });

  it('uses rule cards when no returned card passes the checks', async () => {
    const model = scriptedModel([completion([{ ...ALEXNET, back: 'GoogLeNet' }]), completion([backprop])]);
    const cache = memoryCache();
    const result = await generateCourseCardsWithLlm(course, { model, cache, ruleCards });
    expect(result.lessons[0]).toMatchObject({ via: 'rules', dropped: { ungrounded: 1 }, problem: 'no LLM card passed the checks, rule-based cards' });
    expect(formatLessonProgress(result.lessons[0]!)).toBe('[1/2] mod/history: 1 cards (1 dropped: ungrounded 1) rules — no LLM card passed the checks, rule-based cards');
    // the answer was valid JSON, so it is cached: the next run does not ask again and says why it uses rules
    const again = await generateCourseCardsWithLlm(course, { model: scriptedModel([]), cache, ruleCards });
    expect(again.lessons.map((l) => [l.via, l.problem])).toEqual([
      ['rules', 'no LLM card passed the checks (cached answer), rule-based cards'],
      ['cached', undefined],
    ]);
  });
});
