// Optional LLM card generator for an OpenAI-compatible /v1/chat/completions endpoint. Off unless a
// caller passes a config (the caller reads env); replies are parsed and validated with zod, and
// malformed or low-quality cards are dropped before they get the same keys/anchors as rule cards.

import { z } from 'zod';
import type { Lesson } from '../content/types';
import { candidateToCard, type Candidate } from './candidate';
import { dedupe } from './dedupe';
import { buildLessonDoc } from './lesson';
import { rejectReason } from './quality';
import { gateReason } from './gate';
import { contentStems, containment } from './text';
import type { GeneratedCard } from './types';

export interface LlmConfig {
  /** e.g. "https://api.example.com" or "http://localhost:8080" (with or without a trailing /v1). */
  baseUrl: string;
  apiKey: string;
  model: string;
  temperature?: number;
  maxCardsPerLesson?: number;
  timeoutMs?: number;
}

/** The subset of `fetch` the generator uses (inject a fake in tests). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown>; text: () => Promise<string> }>;

const cardSchema = z.object({
  type: z.enum(['basic', 'cloze', 'list']),
  front: z.string().trim().min(3).max(400),
  back: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(1200),
});

const replySchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string() }) }))
    .min(1),
});

export type LlmCard = z.infer<typeof cardSchema>;

const SYSTEM_PROMPT = [
  'You write flashcards for a course, as a careful instructor would.',
  'Rules: one fact per card; the question names its subject (no "it", "this", "they" without what they refer to);',
  'the answer is short (at most 12 words; list items at most 6 words each) and does not appear in the question;',
  'only facts stated in the lesson; nothing from navigation, links, image captions or code.',
  'Types: "basic" (question/answer), "cloze" (front is a sentence from the lesson with the key term replaced by [...], back is the term),',
  '"list" (question says how many items, back is the items separated by "; ").',
  'Reply with JSON only: {"cards":[{"type":"basic|cloze|list","front":"...","back":"...","source":"exact sentence from the lesson"}]}',
].join(' ');

function endpoint(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

/** Pull the JSON object out of a model reply (tolerates code fences and prose around it). */
export function extractJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = fenced?.[1] ?? content;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(body.slice(start, end + 1)) as unknown;
  } catch {
    return null;
  }
}

/** Validate each card on its own: one malformed card does not sink the others. */
export function parseLlmCards(content: string): LlmCard[] {
  const json = extractJson(content);
  const list = typeof json === 'object' && json !== null && Array.isArray((json as { cards?: unknown }).cards) ? (json as { cards: unknown[] }).cards : [];
  const out: LlmCard[] = [];
  for (const item of list) {
    const parsed = cardSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export interface LlmGenerator {
  generateLessonCards(lesson: Lesson, ctx?: { moduleTitle?: string; courseTitle?: string }): Promise<GeneratedCard[]>;
}

export function createLlmGenerator(config: LlmConfig, deps: { fetch?: FetchLike } = {}): LlmGenerator {
  const doFetch: FetchLike | undefined = deps.fetch ?? (typeof fetch === 'function' ? (fetch as unknown as FetchLike) : undefined);
  return {
    async generateLessonCards(lesson, ctx = {}) {
      if (!doFetch) throw new Error('no fetch implementation available');
      const max = config.maxCardsPerLesson ?? Math.max(2, Math.min(15, Math.round(lesson.words / 50)));
      const user = [
        ctx.courseTitle ? `Course: ${ctx.courseTitle}` : '',
        ctx.moduleTitle ? `Module: ${ctx.moduleTitle}` : '',
        `Lesson: ${lesson.title}`,
        `Write at most ${max} cards.`,
        '',
        lesson.markdown,
      ]
        .filter((l, i) => l !== '' || i > 2)
        .join('\n');
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? 60_000);
      let res;
      try {
        res = await doFetch(endpoint(config.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
          body: JSON.stringify({
            model: config.model,
            temperature: config.temperature ?? 0.2,
            response_format: { type: 'json_object' },
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: user },
            ],
          }),
          signal: controller.signal,
        });
      } finally {
        clearTimeout(timer);
      }
      if (!res.ok) throw new Error(`LLM endpoint answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const reply = replySchema.safeParse(await res.json());
      if (!reply.success) return [];
      const content = reply.data.choices[0]?.message.content ?? '';
      const doc = buildLessonDoc(lesson.title, lesson.markdown);
      const candidates: Candidate[] = [];
      for (const card of parseLlmCards(content)) {
        const items = card.type === 'list' ? card.back.split(/\s*;\s*|\n+/).filter(Boolean) : undefined;
        // the card must come from this lesson: its source has to match a sentence we can find
        const sourceStems = new Set(contentStems(card.source));
        const match = doc.sentences.find((s) => containment(sourceStems, new Set(contentStems(s.sentence.text))) >= 0.8);
        if (!match) continue;
        const candidate: Candidate = {
          type: card.type,
          origin: 'llm',
          front: card.front,
          back: items ? items.join('; ') : card.back,
          ...(items ? { items } : {}),
          source: match.sentence.text,
          anchor: match.block.anchor,
          sentenceId: match.id,
          position: match.block.index,
          prior: 0.8,
          salience: 0.5,
        };
        if (card.type === 'cloze' && !card.front.includes('[...]')) continue;
        // the same validators as rule cards: grounded answer, no leak, self-contained, not the lesson's subject
        if (rejectReason(candidate) ?? gateReason(candidate, lesson.title)) continue;
        candidates.push(candidate);
      }
      return dedupe(candidates)
        .slice(0, max)
        .map((c) => candidateToCard(lesson, c, c.prior));
    },
  };
}
