// Pure helpers of `npm run cards:eval`: per-deck metrics and their table, a seeded sample of cards for
// a blind-rating sheet (Markdown) with its key, and the parser/summary of a rater's answers.

import { seededRandom } from '../lib/srs/test-helpers';
import { CHECK_NAMES, checkDeck, type CheckName, type CheckableCard } from '../lib/cards/checks';

export interface EvalCard extends CheckableCard {
  key: string;
  score: number;
  lessonTitle: string;
  /** Lesson subject for the bad-blank check (the lesson title). */
  subject: string;
  /** "seeds" (content/) or "eval" (the held-out documents). */
  set: 'seeds' | 'eval';
  /** Document name, for the table and the key file (never shown to raters). */
  doc: string;
}

export interface DeckMetrics {
  set: string;
  doc: string;
  words: number;
  cards: number;
  failures: Record<CheckName, number>;
  /** Cards failing at least one check. */
  anyFailure: number;
  scores: number[];
}

export interface CheckedCard {
  card: EvalCard;
  failures: CheckName[];
}

/** Checks one course's deck (duplicates are looked for across the whole deck, in course order). */
export function checkCourseDeck(cards: readonly EvalCard[]): CheckedCard[] {
  return checkDeck(cards, (c) => c.subject);
}

/** Metrics of the checked cards of one document (or of any group of cards). */
export function deckMetrics(set: string, doc: string, words: number, checked: readonly CheckedCard[]): DeckMetrics {
  const failures = Object.fromEntries(CHECK_NAMES.map((n) => [n, 0])) as Record<CheckName, number>;
  let anyFailure = 0;
  for (const r of checked) {
    for (const f of r.failures) failures[f]++;
    if (r.failures.length > 0) anyFailure++;
  }
  return { set, doc, words, cards: checked.length, failures, anyFailure, scores: checked.map((c) => c.card.score) };
}

export function sumMetrics(name: string, set: string, list: readonly DeckMetrics[]): DeckMetrics {
  const failures = Object.fromEntries(CHECK_NAMES.map((n) => [n, list.reduce((a, m) => a + m.failures[n], 0)])) as Record<CheckName, number>;
  return {
    set,
    doc: name,
    words: list.reduce((a, m) => a + m.words, 0),
    cards: list.reduce((a, m) => a + m.cards, 0),
    failures,
    anyFailure: list.reduce((a, m) => a + m.anyFailure, 0),
    scores: list.flatMap((m) => m.scores),
  };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export function metricsHeader(): string {
  return ['document'.padEnd(34), 'words'.padStart(6), 'cards'.padStart(6), '/100w'.padStart(6), 'w/card'.padStart(7), ...CHECK_NAMES.map((n) => n.padStart(14)), 'any'.padStart(13)].join(' ');
}

export function metricsLine(m: DeckMetrics): string {
  const cell = (n: number) => `${n} ${pct(n, m.cards)}`.padStart(14);
  return [
    m.doc.slice(0, 34).padEnd(34),
    String(m.words).padStart(6),
    String(m.cards).padStart(6),
    (m.words === 0 ? '-' : ((100 * m.cards) / m.words).toFixed(2)).padStart(6),
    (m.cards === 0 ? '-' : (m.words / m.cards).toFixed(0)).padStart(7),
    ...CHECK_NAMES.map((n) => cell(m.failures[n])),
    `${m.anyFailure} ${pct(m.anyFailure, m.cards)}`.padStart(13),
  ].join(' ');
}

/** Score histogram in bins of 0.1 ("0.5-0.6: 12"). */
export function scoreDistribution(scores: readonly number[]): string {
  if (scores.length === 0) return 'no cards';
  const bins = new Map<number, number>();
  for (const s of scores) {
    const b = Math.min(9, Math.max(0, Math.floor(s * 10)));
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  const sorted = [...scores].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const parts = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([b, n]) => `${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}: ${n}`);
  return `${parts.join('  ')}  (min ${sorted[0]!.toFixed(2)}, median ${median.toFixed(2)}, max ${sorted[sorted.length - 1]!.toFixed(2)})`;
}

/** A seed given as a number is used as is; any other text is hashed to one. */
export function seedNumber(seed: string): number {
  if (/^\d+$/.test(seed)) return Number(seed) >>> 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `n` distinct items drawn uniformly with the seeded PRNG (partial Fisher–Yates), in drawn order. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const a = [...items];
  const rand = seededRandom(seed);
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

export interface SheetKeyEntry {
  key: string;
  set: string;
  doc: string;
  lessonTitle: string;
}

export interface SheetKey {
  seed: string;
  set: string;
  generatorVersion: string;
  commit: string;
  cards: Record<string, SheetKeyEntry>;
}

export const CRITERIA = [
  ['atomic', 'It asks for one fact (one answer, or one short list the front announces).'],
  ['self-contained', 'The front makes sense on its own: it names its subject; no "it", "this method", "the figure" pointing outside the card.'],
  ['grammatical', 'The front and back are well-formed English (a cloze reads as a sentence with the gap filled).'],
  ['answerable', 'The back is right, and can be found in (or directly follows from) the source passage; it is the only reasonable answer to the front.'],
  ['no leak', 'The front does not give the answer away (same word, a related word, an acronym or its expansion).'],
  ['worth learning', 'A teacher of this lesson would want a learner to remember this (not trivia about the text itself, a figure number or a side remark).'],
] as const;

/** Markdown-safe one-line text: no raw HTML, no line breaks. */
function inline(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\s+/g, ' ').trim();
}

export function sheetId(i: number, total: number): string {
  return `C${String(i + 1).padStart(Math.max(2, String(total).length), '0')}`;
}

/** The rating sheet: instructions, then each card (id, lesson title, front, back, source), then the answer block. */
export function renderSheet(cards: readonly EvalCard[]): string {
  const lines: string[] = [
    '# Flashcard rating sheet',
    '',
    'Each card below was made from the source passage shown with it. Judge each card on six yes/no',
    'criteria, in this order. Answer Y (yes, it holds) or N (no). A card is acceptable only when all six are Y.',
    '',
    ...CRITERIA.map(([name, text], i) => `${i + 1}. **${name}**: ${text}`),
    '',
    'Write your answers in a plain text file, one line per card, in the criteria order above:',
    '',
    '```',
    'C01: Y Y N Y Y Y',
    '```',
    '',
    'Lines starting with `#` are comments (you may add a reason after a `#` at the end of a line).',
    'A ready-to-fill answer block is at the end of this sheet.',
    '',
  ];
  cards.forEach((c, i) => {
    const id = sheetId(i, cards.length);
    lines.push(`## ${id}`, '', `- **Lesson:** ${inline(c.lessonTitle)}`, `- **Type:** ${c.type}`, `- **Front:** ${inline(c.front)}`);
    if (c.type === 'list') {
      lines.push('- **Back:**');
      for (const item of c.back.split(/;\s*|\n+/).filter(Boolean)) lines.push(`  - ${inline(item)}`);
    } else {
      lines.push(`- **Back:** ${inline(c.back)}`);
    }
    lines.push(`- **Source passage:**`, '', `  > ${inline(c.source)}`, '');
  });
  lines.push('## Answers', '', '```', ...cards.map((_, i) => `${sheetId(i, cards.length)}: _ _ _ _ _ _`), '```', '');
  return lines.join('\n');
}

export function sheetKey(cards: readonly EvalCard[], meta: { seed: string; set: string; generatorVersion: string; commit: string }): SheetKey {
  const entries: Record<string, SheetKeyEntry> = {};
  cards.forEach((c, i) => {
    entries[sheetId(i, cards.length)] = { key: c.key, set: c.set, doc: c.doc, lessonTitle: c.lessonTitle };
  });
  return { ...meta, cards: entries };
}

export interface Rating {
  id: string;
  answers: boolean[];
}

export type RatingsParse = { ok: true; ratings: Rating[] } | { ok: false; errors: string[] };

/** Parses `C01: Y Y N Y Y Y` lines (Y/N or 1/0, case-insensitive; `#` starts a comment). */
export function parseRatings(text: string): RatingsParse {
  const ratings: Rating[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || line === '```') return;
    const m = /^([A-Za-z]*\d+)\s*[:=]?\s*(.*)$/.exec(line);
    const answers = m ? m[2]!.split(/[\s,]+/).filter(Boolean) : [];
    if (!m || answers.length !== CRITERIA.length || answers.some((a) => !/^(y|n|yes|no|1|0)$/i.test(a))) {
      errors.push(`line ${i + 1}: expected "<id>: Y Y Y Y Y Y" (six Y/N), got "${raw.trim()}"`);
      return;
    }
    const id = m[1]!.toUpperCase();
    if (seen.has(id)) {
      errors.push(`line ${i + 1}: card ${id} rated twice`);
      return;
    }
    seen.add(id);
    ratings.push({ id, answers: answers.map((a) => /^(y|yes|1)$/i.test(a)) });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ratings };
}

export interface RatingSummary {
  name: string;
  rated: number;
  acceptable: number;
  /** Cards failing each criterion, in CRITERIA order. */
  failures: number[];
}

export function summariseRatings(name: string, ratings: readonly Rating[]): RatingSummary {
  return {
    name,
    rated: ratings.length,
    acceptable: ratings.filter((r) => r.answers.every(Boolean)).length,
    failures: CRITERIA.map((_, k) => ratings.filter((r) => !r.answers[k]).length),
  };
}

export function formatRatingSummary(s: RatingSummary): string {
  const head = `${s.name}: ${s.acceptable}/${s.rated} acceptable = ${pct(s.acceptable, s.rated)}`;
  const per = CRITERIA.map(([name], k) => `${name} ${s.failures[k]} (${pct(s.failures[k] ?? 0, s.rated)})`).join(', ');
  return `${head}\n  failures per criterion: ${per}`;
}
