// Optional LLM card generation for any OpenAI-compatible chat-completions server, as pure logic: the request
// (prompt + JSON schema), reply parsing, the same validators as rule cards, and the per-lesson loop with cache
// and rule fallback. The HTTP client and the cache are injected (`CardModel`, `CardCache`; lib/cards-llm has the
// real ones), so this file does no IO of its own.

import { z } from 'zod';
import type { Course, Lesson } from '../content/types';
import { candidateToCard, type Candidate } from './candidate';
import { checkLeak, checkNotInSource } from './checks';
import { isNearDuplicate, type Comparable } from './dedupe';
import { gateReason } from './gate';
import { fnv1a64 } from './key';
import { buildLessonDoc, type LessonDoc } from './lesson';
import { rejectReason, scoreCandidate } from './quality';
import { contentStems, containment } from './text';
import type { GeneratedCard } from './types';

/** Bump when the prompt or schema changes: it is part of the cache key, so every lesson is asked again. */
export const LLM_PROMPT_VERSION = 'llm-2';

export const MAX_LLM_CARDS_PER_LESSON = 15;

/** How many cards to ask for: about one per 60 words of lesson, 2..15. */
export function llmCardBudget(words: number): number {
  return Math.max(2, Math.min(MAX_LLM_CARDS_PER_LESSON, Math.round(words / 60)));
}

const SYSTEM_PROMPT = [
  'You write spaced-repetition flashcards from one lesson of a course, as a careful instructor would.',
  'Every card must be:',
  '(1) atomic: it asks for exactly one fact, with one short answer (at most 12 words; a cloze answer at most 5 words);',
  '(2) self-contained: the question names its subject, so it can be understood without the lesson (never "it", "this", "they", "the method", "the model" without saying which);',
  '(3) grounded: the answer is stated in the lesson text, in the lesson\'s own words; nothing from your own knowledge;',
  '(4) without a leak: the question does not contain the answer or a word of the same family (e.g. asking about an "error carousel" when the answer is "error");',
  '(5) worth learning: a key fact, definition, cause, number, name or date, not navigation, links, captions or the wording of a code listing.',
  'Types: "basic" (a question and its answer), "cloze" (front is a sentence of the lesson with the key term replaced by [...], back is that term; never blank the lesson\'s own subject, a figure/table/listing reference or a date in a list),',
  '"list" (the question says how many items; back is the items separated by "; ", 2 to 8 items).',
  'For every card, "source" is the exact sentence of the lesson (copied verbatim) that supports the answer.',
  'Answer with JSON that matches the schema: {"cards":[{"type":"basic|cloze|list","front":"...","back":"...","source":"..."}]}.',
].join(' ');

/** The JSON schema sent as `response_format` (OpenAI structured outputs; Ollama ≥ 0.5, llama.cpp, vLLM honour it). */
export const CARDS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['cards'],
  properties: {
    cards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'front', 'back', 'source'],
        properties: {
          type: { type: 'string', enum: ['basic', 'cloze', 'list'] },
          front: { type: 'string', description: 'The question, or for a cloze the sentence with [...] in place of the answer.' },
          back: { type: 'string', description: 'The short answer; for a list, the items separated by "; ".' },
          source: { type: 'string', description: 'The sentence of the lesson, copied verbatim, that states the answer.' },
        },
      },
    },
  },
} as const;

export interface LlmRequest {
  model: string;
  temperature: number;
  messages: Array<{ role: 'system' | 'user'; content: string }>;
  response_format: { type: 'json_schema'; json_schema: { name: string; strict: boolean; schema: typeof CARDS_JSON_SCHEMA } };
}

export interface LlmContext {
  moduleTitle?: string;
  courseTitle?: string;
}

/** The chat-completions body for one lesson (deterministic: it is also what the cache key hashes). */
export function buildLlmRequest(lesson: Lesson, ctx: LlmContext, model: string, maxCards = llmCardBudget(lesson.words)): LlmRequest {
  const user = [
    ctx.courseTitle ? `Course: ${ctx.courseTitle}` : null,
    ctx.moduleTitle ? `Module: ${ctx.moduleTitle}` : null,
    `Lesson: ${lesson.title}`,
    `Write at most ${maxCards} cards, covering the lesson's most important facts first.`,
    '',
    '--- lesson text ---',
    lesson.markdown,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  return {
    model,
    temperature: 0.2,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: user },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'flashcards', strict: true, schema: CARDS_JSON_SCHEMA } },
  };
}

/** Cache key: prompt version + model + a hash of the whole request (lesson text, titles, prompt, budget). */
export function llmCacheKey(request: LlmRequest): string {
  const model = request.model.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  const body = JSON.stringify(request);
  // two independent 64-bit hashes: a collision would serve another lesson's cards
  return `${LLM_PROMPT_VERSION}-${model}-${fnv1a64(body)}${fnv1a64(`${body.length}:${[...body].reverse().join('')}`)}`;
}

const chatCompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const cardSchema = z.object({
  type: z.enum(['basic', 'cloze', 'list']),
  front: z.string().trim().min(3).max(400),
  back: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(1500),
});

export type LlmCard = z.infer<typeof cardSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The assistant message of a chat-completions HTTP body. */
export function parseChatCompletion(body: string): Parsed<string> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'the server reply is not JSON' };
  }
  const parsed = chatCompletionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'the server reply is not a chat completion (no choices[0].message.content)' };
  return { ok: true, value: parsed.data.choices[0]!.message.content };
}

/** The `cards` array of the model's message (tolerates a code fence around the JSON). */
export function parseCardsContent(content: string): Parsed<unknown[]> {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const text = (fenced?.[1] ?? content).trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the model answered malformed JSON' };
  }
  const cards = typeof json === 'object' && json !== null ? (json as { cards?: unknown }).cards : undefined;
  if (!Array.isArray(cards)) return { ok: false, problem: 'the model answer does not match the schema (no "cards" array)' };
  return { ok: true, value: cards };
}

/** Drop reasons, in the words the CLI prints. */
function dropReason(rule: string): string {
  const map: Record<string, string> = {
    'answer-leak': 'leak',
    'check-leak': 'leak',
    'check-not-in-source': 'ungrounded',
    'check-dangling': 'not-self-contained',
    'dangling-reference': 'not-self-contained',
    'answer-length': 'not-atomic',
    'list-size': 'not-atomic',
    'list-item-length': 'not-atomic',
    'check-bad-blank': 'bad-blank',
    'check-duplicate': 'duplicate',
  };
  return map[rule] ?? rule.replace(/^check-/, '');
}

/** The lesson sentence (or two adjacent sentences) the model's quote comes from, or undefined. */
function findPassage(doc: LessonDoc, quote: string): { text: string; anchor: string; id: string; position: number } | undefined {
  const quoted = new Set(contentStems(quote));
  if (quoted.size === 0) return undefined;
  let best: { score: number; text: string; anchor: string; id: string; position: number } | undefined;
  doc.sentences.forEach((s, i) => {
    const candidates = [s.sentence.text];
    const next = doc.sentences[i + 1];
    if (next && next.block === s.block) candidates.push(`${s.sentence.text} ${next.sentence.text}`);
    for (const text of candidates) {
      const score = containment(quoted, new Set(contentStems(text)));
      // the shorter passage wins a tie: the pair only when the quote really spans both sentences
      if (score >= 0.8 && (!best || score > best.score + 1e-9)) best = { score, text, anchor: s.block.anchor, id: s.id, position: s.block.index };
    }
  });
  return best;
}

export interface ValidatedLesson {
  cards: GeneratedCard[];
  /** Returned cards that were dropped, by reason ("leak", "ungrounded", "not-self-contained", ...). */
  dropped: Record<string, number>;
}

/**
 * Every card the model returned goes through the validators rule cards pass (quality filter and the last gate:
 * answer grounded in the source passage, no leak, self-contained, atomic) or is dropped and counted.
 * `kept` are cards already in the course (near-duplicates of them are dropped too).
 */
export function validateLlmCards(
  lesson: Lesson,
  items: readonly unknown[],
  options: { maxCards?: number; kept?: readonly Comparable[]; lessonTitle?: string } = {},
): ValidatedLesson {
  const doc = buildLessonDoc(options.lessonTitle ?? lesson.title, lesson.markdown);
  const max = options.maxCards ?? llmCardBudget(lesson.words);
  const dropped: Record<string, number> = {};
  const drop = (reason: string) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  const accepted: Candidate[] = [];
  const keys = new Set<string>();
  for (const item of items) {
    const parsed = cardSchema.safeParse(item);
    if (!parsed.success) {
      drop('invalid');
      continue;
    }
    const card = parsed.data;
    if (card.type === 'cloze' && !card.front.includes('[...]')) {
      drop('invalid');
      continue;
    }
    // atomic: one question per card
    if (card.type !== 'cloze' && (card.front.match(/\?/g) ?? []).length > 1) {
      drop('not-atomic');
      continue;
    }
    const passage = findPassage(doc, card.source);
    if (!passage) {
      drop('quote-not-in-lesson');
      continue;
    }
    const items = card.type === 'list' ? card.back.split(/\s*;\s*|\n+/).map((s) => s.trim()).filter(Boolean) : undefined;
    const candidate: Candidate = {
      type: card.type,
      origin: 'llm',
      front: card.front,
      back: items ? items.join('; ') : card.back,
      ...(items ? { items } : {}),
      source: passage.text,
      anchor: passage.anchor,
      sentenceId: passage.id,
      position: passage.position,
      prior: 0.8,
      salience: 0.5,
    };
    // grounding and leak first, so a hallucinated or leaking card is counted as such whatever else is wrong
    if (checkNotInSource(candidate)) {
      drop('ungrounded');
      continue;
    }
    if (checkLeak(candidate)) {
      drop('leak');
      continue;
    }
    const rejected = rejectReason(candidate) ?? gateReason(candidate, doc.title);
    if (rejected) {
      drop(dropReason(rejected));
      continue;
    }
    const card0 = candidateToCard(lesson, candidate, 0);
    if (keys.has(card0.key) || accepted.some((a) => isNearDuplicate(a, candidate)) || (options.kept ?? []).some((k) => isNearDuplicate(k, candidate))) {
      drop('duplicate');
      continue;
    }
    if (accepted.length >= max) {
      drop('over-budget');
      continue;
    }
    keys.add(card0.key);
    accepted.push(candidate);
  }
  const cards = accepted
    .sort((a, b) => a.position - b.position)
    .map((c) => candidateToCard(lesson, c, Math.round(scoreCandidate(c) * 1000) / 1000));
  return { cards, dropped };
}

/** `unreachable`: no connection could be made (later lessons are not sent); `connection`: it broke off. */
export type CardModelErrorKind = 'unreachable' | 'connection' | 'timeout' | 'http';

/** A failed model call, with a message that says what to check. */
export class CardModelError extends Error {
  constructor(
    readonly kind: CardModelErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CardModelError';
  }
}

/** One chat-completions call: resolves to the HTTP body text, or throws a CardModelError. */
export interface CardModel {
  readonly model: string;
  complete(request: LlmRequest): Promise<string>;
}

/** Where model answers are kept between syncs (the message content, by `llmCacheKey`). */
export interface CardCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, content: string): Promise<void>;
}

export interface LessonProgress {
  index: number;
  total: number;
  lessonKey: string;
  cards: number;
  dropped: Record<string, number>;
  via: 'cached' | 'llm' | 'rules';
  /** Why the LLM was not used for this lesson (rule cards instead), or a cache problem. */
  problem?: string;
}

export function formatLessonProgress(p: LessonProgress): string {
  const droppedTotal = Object.values(p.dropped).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(p.dropped)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  const dropped = droppedTotal > 0 ? ` (${droppedTotal} dropped: ${reasons})` : '';
  const problem = p.problem ? ` — ${p.problem}` : '';
  return `[${p.index}/${p.total}] ${p.lessonKey}: ${p.cards} cards${dropped} ${p.via}${problem}`;
}

export interface LlmCourseOptions {
  model: CardModel;
  cache: CardCache;
  /** Rule-based cards of the course, used for any lesson the LLM cannot do (called at most once). */
  ruleCards: (course: Course) => GeneratedCard[];
  onProgress?: (p: LessonProgress) => void;
}

export interface LlmCourseResult {
  cards: GeneratedCard[];
  lessons: LessonProgress[];
}

/**
 * Cards for every lesson: a cached model answer, else one request; a failing, unreachable or timing-out server,
 * or an answer that is not JSON of the schema, gives that lesson its rule-based cards. After the server is found
 * unreachable, the remaining lessons are not sent (cached answers are still used).
 */
export async function generateCourseCardsWithLlm(course: Course, options: LlmCourseOptions): Promise<LlmCourseResult> {
  const lessons = course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ lesson, ctx: { moduleTitle: mod.title, courseTitle: course.title } })));
  let rules: Map<string, GeneratedCard[]> | undefined;
  const rulesFor = (lessonKey: string): GeneratedCard[] => {
    if (!rules) {
      rules = new Map();
      for (const c of options.ruleCards(course)) rules.set(c.lessonKey, [...(rules.get(c.lessonKey) ?? []), c]);
    }
    return rules.get(lessonKey) ?? [];
  };
  let unreachable: string | undefined;
  const cards: GeneratedCard[] = [];
  const progress: LessonProgress[] = [];
  for (const [i, { lesson, ctx }] of lessons.entries()) {
    const request = buildLlmRequest(lesson, ctx, options.model.model);
    const key = llmCacheKey(request);
    let via: LessonProgress['via'] = 'cached';
    let problem: string | undefined;
    let content: string | undefined;
    try {
      content = await options.cache.get(key);
    } catch (e) {
      problem = `cache not readable: ${message(e)}`;
    }
    let items: unknown[] | undefined;
    if (content !== undefined) {
      const parsed = parseCardsContent(content);
      if (parsed.ok) items = parsed.value;
    }
    if (!items) {
      via = 'llm';
      if (unreachable) {
        problem = unreachable;
      } else {
        try {
          const body = await options.model.complete(request);
          const reply = parseChatCompletion(body);
          const parsed = reply.ok ? parseCardsContent(reply.value) : reply;
          if (parsed.ok && reply.ok) {
            items = parsed.value;
            try {
              await options.cache.set(key, reply.value);
            } catch (e) {
              problem = `cache not written: ${message(e)}`;
            }
          } else if (!parsed.ok) {
            problem = parsed.problem;
          }
        } catch (e) {
          problem = message(e);
          if (e instanceof CardModelError && e.kind === 'unreachable') unreachable = 'not sent, the LLM server is unreachable (see above)';
        }
      }
    }
    let lessonCards: GeneratedCard[] = [];
    let dropped: Record<string, number> = {};
    if (items) {
      const validated = validateLlmCards(lesson, items, { kept: cards, lessonTitle: lesson.title || ctx.moduleTitle || ctx.courseTitle || '' });
      lessonCards = validated.cards;
      dropped = validated.dropped;
    }
    if (!items || lessonCards.length === 0) {
      problem = items
        ? `no LLM card passed the checks${via === 'cached' ? ' (cached answer)' : ''}, rule-based cards`
        : `LLM failed, rule-based cards: ${problem ?? 'no answer'}`;
      via = 'rules';
      lessonCards = rulesFor(lesson.key);
    }
    cards.push(...lessonCards);
    const p: LessonProgress = { index: i + 1, total: lessons.length, lessonKey: lesson.key, cards: lessonCards.length, dropped, via, ...(problem ? { problem } : {}) };
    progress.push(p);
    options.onProgress?.(p);
  }
  return { cards, lessons: progress };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
