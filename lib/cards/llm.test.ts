// The optional LLM generator with an injected fake fetch (never the network).

import { describe, expect, it } from 'vitest';
import { createLlmGenerator, extractJson, parseLlmCards, type FetchLike } from './llm';
import { makeLesson } from './test-helpers';

const LESSON = makeLesson('## 2012 Imagenet\n\nOn 2012 AlexNet won the Imagenet challenge. NVIDIA released CUDA in 2007.\n', { key: 'mod/history' });

function fakeFetch(content: string, status = 200): { fetch: FetchLike; calls: Array<{ url: string; body: unknown; auth: string | undefined }> } {
  const calls: Array<{ url: string; body: unknown; auth: string | undefined }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, body: JSON.parse(init.body) as unknown, auth: init.headers.authorization });
    return {
      ok: status < 400,
      status,
      json: async () => ({ choices: [{ message: { content } }] }),
      text: async () => 'error body',
    };
  };
  return { fetch, calls };
}

describe('LLM reply parsing', () => {
  it('extracts JSON from fenced or chatty replies', () => {
    expect(extractJson('Sure!\n```json\n{"cards": []}\n```')).toEqual({ cards: [] });
    expect(extractJson('not json at all')).toBeNull();
  });

  it('validates cards one by one and drops malformed ones', () => {
    const cards = parseLlmCards(
      JSON.stringify({
        cards: [
          { type: 'basic', front: 'In what year did AlexNet win the Imagenet challenge?', back: '2012', source: 'On 2012 AlexNet won the Imagenet challenge.' },
          { type: 'essay', front: 'Discuss.', back: 'x', source: 'y' },
          { type: 'basic', front: 'Missing back' },
          'garbage',
        ],
      }),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]?.back).toBe('2012');
  });
});

describe('createLlmGenerator', () => {
  it('calls the OpenAI-compatible endpoint and returns keyed, anchored cards', async () => {
    const reply = JSON.stringify({
      cards: [
        { type: 'basic', front: 'In what year did AlexNet win the Imagenet challenge?', back: '2012', source: 'On 2012 AlexNet won the Imagenet challenge.' },
        { type: 'basic', front: 'What did it win?', back: 'the challenge', source: 'On 2012 AlexNet won the Imagenet challenge.' },
        { type: 'basic', front: 'Who invented the telephone?', back: 'Bell', source: 'Bell invented the telephone.' },
      ],
    });
    const { fetch, calls } = fakeFetch(reply);
    const gen = createLlmGenerator({ baseUrl: 'http://llm.test/v1/', apiKey: 'k', model: 'm' }, { fetch });
    const cards = await gen.generateLessonCards(LESSON);
    expect(calls[0]?.url).toBe('http://llm.test/v1/chat/completions');
    expect(calls[0]?.auth).toBe('Bearer k');
    expect((calls[0]?.body as { model: string }).model).toBe('m');
    // the dangling "it" card and the card whose source is not in the lesson are dropped
    expect(cards.map((c) => c.front)).toEqual(['In what year did AlexNet win the Imagenet challenge?']);
    expect(cards[0]?.anchor).toBe('2012-imagenet');
    expect(cards[0]?.lessonKey).toBe('mod/history');
    expect(cards[0]?.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('drops hallucinated answers (not in the source passage) and answers leaked by a related word', async () => {
    const reply = JSON.stringify({
      cards: [
        { type: 'basic', front: 'In what year did AlexNet win the Imagenet challenge?', back: '2013', source: 'On 2012 AlexNet won the Imagenet challenge.' },
        { type: 'basic', front: 'Which company released CUDA in 2007?', back: 'Intel', source: 'NVIDIA released CUDA in 2007.' },
        { type: 'cloze', front: 'NVIDIA released [...] in 2007 as the CUDA platform.', back: 'CUDA', source: 'NVIDIA released CUDA in 2007.' },
        { type: 'basic', front: 'Which company released CUDA in 2007?', back: 'NVIDIA', source: 'NVIDIA released CUDA in 2007.' },
      ],
    });
    const gen = createLlmGenerator({ baseUrl: 'http://llm.test', apiKey: 'k', model: 'm' }, { fetch: fakeFetch(reply).fetch });
    expect((await gen.generateLessonCards(LESSON)).map((c) => c.back)).toEqual(['NVIDIA']);
  });

  it('returns no cards for an unparseable reply and throws on HTTP errors', async () => {
    const bad = createLlmGenerator({ baseUrl: 'http://llm.test', apiKey: 'k', model: 'm' }, { fetch: fakeFetch('I cannot help').fetch });
    expect(await bad.generateLessonCards(LESSON)).toEqual([]);
    const failing = createLlmGenerator({ baseUrl: 'http://llm.test', apiKey: 'k', model: 'm' }, { fetch: fakeFetch('', 500).fetch });
    await expect(failing.generateLessonCards(LESSON)).rejects.toThrow(/500/);
  });
});
