// The IO shell of LLM card generation: wires the HTTP model and the file cache (from CARDS_LLM_* settings, read
// by lib/env.ts) into lib/cards' pure per-lesson loop, for the CLI sync.
import type { Course } from '@/lib/content/types';
import type { GeneratedCard } from '@/lib/cards/types';
import { formatLessonProgress, generateCourseCardsWithLlm } from '@/lib/cards/llm';
import type { CardsLlmConfig } from '@/lib/env';
import { createFileCardCache } from './file-cache';
import { createHttpCardModel } from './http-model';

export { createFileCardCache } from './file-cache';
export { createHttpCardModel, chatCompletionsUrl } from './http-model';

/** A course → cards function for syncContentFolder: LLM cards per lesson, rule cards where the LLM fails. */
export function llmCourseGenerator(
  config: CardsLlmConfig,
  ruleCards: (course: Course) => GeneratedCard[],
  log: (line: string) => void,
): (course: Course) => Promise<GeneratedCard[]> {
  const model = createHttpCardModel(config);
  const cache = createFileCardCache(config.cacheDir);
  return async (course) => {
    const { cards } = await generateCourseCardsWithLlm(course, { model, cache, ruleCards, onProgress: (p) => log(formatLessonProgress(p)) });
    return cards;
  };
}
