// `npm run cards:eval`: runs the card generator over content/ (the seeds) and over each held-out
// document of ../shared/eval-docs/ (read in place, never copied), and prints per document and overall:
// words of teaching prose, cards, cards per 100 words, automated-check failures and the score
// distribution. Also writes blind-rating sheets and reads a rater's answers back. Usage:
//   npm run cards:eval [-- --content DIR] [--eval-dir DIR]
//   npm run cards:eval -- --sheet N --seed S --out FILE.md [--set seeds|eval|all]   (+ FILE.key.json)
//   npm run cards:eval -- --ratings FILE [--key FILE.key.json]
// See docs/cards.md ("Evaluation").

import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCourse, type Course } from '../lib/content';
import { loadCourse } from '../lib/content/load';
import { generateCourseCards, GENERATOR_VERSION } from '../lib/cards';
import { teachingProseWords } from '../lib/cards/prose';
import {
  checkCourseDeck,
  deckMetrics,
  formatRatingSummary,
  metricsHeader,
  metricsLine,
  parseRatings,
  renderSheet,
  sample,
  scoreDistribution,
  seedNumber,
  sheetKey,
  summariseRatings,
  sumMetrics,
  type CheckedCard,
  type DeckMetrics,
  type EvalCard,
  type SheetKey,
} from './cards-eval-lib';

interface Args {
  content: string;
  evalDir: string;
  sheet?: number;
  seed?: string;
  out?: string;
  set: 'seeds' | 'eval' | 'all';
  ratings?: string;
  key?: string;
  /** Print the seed cards that fail a check (never the held-out documents' cards). */
  showFailures: boolean;
}

const USAGE = `usage:
  npm run cards:eval [-- --content DIR --eval-dir DIR] [--show-failures]   (failing cards of content/ only)
  npm run cards:eval -- --sheet N --seed S --out FILE.md [--set seeds|eval|all]
  npm run cards:eval -- --ratings FILE [--key FILE.key.json]`;

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { content: './content', evalDir: '../shared/eval-docs', set: 'all', showFailures: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return USAGE;
    if (a === '--show-failures') {
      args.showFailures = true;
      continue;
    }
    const value = argv[i + 1];
    if (!['--content', '--eval-dir', '--sheet', '--seed', '--out', '--set', '--ratings', '--key'].includes(a)) return `unknown argument "${a}"\n${USAGE}`;
    if (value === undefined) return `${a} needs a value`;
    i++;
    if (a === '--content') args.content = value;
    else if (a === '--eval-dir') args.evalDir = value;
    else if (a === '--seed') args.seed = value;
    else if (a === '--out') args.out = value;
    else if (a === '--ratings') args.ratings = value;
    else if (a === '--key') args.key = value;
    else if (a === '--sheet') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return `--sheet needs a positive whole number, got "${value}"`;
      args.sheet = n;
    } else if (a === '--set') {
      if (value !== 'seeds' && value !== 'eval' && value !== 'all') return `--set must be seeds, eval or all, got "${value}"`;
      args.set = value;
    }
  }
  if (args.sheet !== undefined && (args.seed === undefined || args.out === undefined)) return '--sheet needs --seed S and --out FILE';
  return args;
}

interface DocDeck {
  set: 'seeds' | 'eval';
  doc: string;
  words: number;
  checked: CheckedCard[];
}

/** Cards of a course as eval cards, checked as one deck, grouped by source document. */
function evaluateCourse(set: 'seeds' | 'eval', course: Course, docName: (sourceFile: string) => string): DocDeck[] {
  const lessons = new Map(course.modules.flatMap((m) => m.lessons).map((l) => [l.key, l]));
  const cards: EvalCard[] = generateCourseCards(course).map((c) => {
    const lesson = lessons.get(c.lessonKey);
    return {
      key: c.key,
      type: c.type,
      front: c.front,
      back: c.back,
      source: c.source,
      score: c.score,
      lessonTitle: lesson?.title ?? '',
      subject: lesson?.title ?? '',
      set,
      doc: docName(lesson?.sourceFile ?? ''),
    };
  });
  const checked = checkCourseDeck(cards);
  const words = new Map<string, number>();
  for (const l of lessons.values()) words.set(docName(l.sourceFile), (words.get(docName(l.sourceFile)) ?? 0) + teachingProseWords(l.markdown));
  return [...words.entries()].map(([doc, w]) => ({ set, doc, words: w, checked: checked.filter((c) => c.card.doc === doc) }));
}

async function seedDecks(dir: string): Promise<DocDeck[]> {
  const { course, issues } = await loadCourse(dir);
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) throw new Error(`content errors in ${dir}: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  return evaluateCourse('seeds', course, (f) => `content/${f}`);
}

async function evalDecks(dir: string): Promise<DocDeck[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(md|markdown|txt|html?)$/i.test(n)).sort();
  } catch (err) {
    throw new Error(`cannot read the evaluation documents in ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const out: DocDeck[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    // each document is its own course, as a user uploading it would get
    const { course, issues } = buildCourse({ documents: [{ path: name, text }], name: name.replace(/\.[^.]+$/, '') });
    const errors = issues.filter((i) => i.level === 'error');
    if (errors.length > 0) {
      process.stderr.write(`cards-eval: ${name}: ${errors.map((e) => e.message).join('; ')} (skipped)\n`);
      continue;
    }
    out.push(...evaluateCourse('eval', course, () => `eval/${name}`));
  }
  return out;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function printMetrics(decks: readonly DocDeck[]): void {
  const metrics = decks.map((d) => deckMetrics(d.set, d.doc, d.words, d.checked));
  const out: string[] = [`generator ${GENERATOR_VERSION} (commit ${gitCommit()})`, metricsHeader()];
  const totals: DeckMetrics[] = [];
  for (const set of ['seeds', 'eval'] as const) {
    const list = metrics.filter((m) => m.set === set);
    if (list.length === 0) continue;
    for (const m of list) out.push(metricsLine(m));
    const total = sumMetrics(`TOTAL ${set}`, set, list);
    totals.push(total);
    out.push(metricsLine(total), '');
  }
  const overall = sumMetrics('OVERALL', 'all', metrics);
  out.push(metricsLine(overall), '');
  for (const t of [...totals, overall]) out.push(`scores ${t.doc.replace('TOTAL ', '')}: ${scoreDistribution(t.scores)}`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return parsed.startsWith('usage:') ? 0 : 2;
  }

  if (parsed.ratings) {
    let text: string;
    try {
      text = await readFile(parsed.ratings, 'utf8');
    } catch (err) {
      process.stderr.write(`cards-eval: cannot read ${parsed.ratings}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
    const result = parseRatings(text);
    if (!result.ok) {
      process.stderr.write(`cards-eval: ${parsed.ratings} has ${result.errors.length} bad line(s):\n${result.errors.join('\n')}\n`);
      return 1;
    }
    const out = [formatRatingSummary(summariseRatings('all rated cards', result.ratings))];
    if (parsed.key) {
      const key = JSON.parse(await readFile(parsed.key, 'utf8')) as SheetKey;
      const unknown = result.ratings.filter((r) => !key.cards[r.id]);
      if (unknown.length > 0) {
        process.stderr.write(`cards-eval: ids not in the key: ${unknown.map((r) => r.id).join(', ')}\n`);
        return 1;
      }
      out.unshift(`sheet seed ${key.seed}, set ${key.set}, generator ${key.generatorVersion} (commit ${key.commit})`);
      for (const set of ['seeds', 'eval']) {
        const subset = result.ratings.filter((r) => key.cards[r.id]?.set === set);
        if (subset.length > 0) out.push(formatRatingSummary(summariseRatings(set, subset)));
      }
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }

  const decks = [
    ...(parsed.set === 'eval' && parsed.sheet !== undefined ? [] : await seedDecks(path.resolve(parsed.content))),
    ...(parsed.set === 'seeds' && parsed.sheet !== undefined ? [] : await evalDecks(path.resolve(parsed.evalDir))),
  ];

  if (parsed.sheet !== undefined) {
    const pool = decks.flatMap((d) => d.checked.map((c) => c.card));
    const chosen = sample(pool, parsed.sheet, seedNumber(parsed.seed!));
    const out = path.resolve(parsed.out!);
    const keyFile = out.replace(/\.md$/i, '') + '.key.json';
    await writeFile(out, renderSheet(chosen));
    await writeFile(keyFile, JSON.stringify(sheetKey(chosen, { seed: parsed.seed!, set: parsed.set, generatorVersion: GENERATOR_VERSION, commit: gitCommit() }), null, 2) + '\n');
    process.stdout.write(`cards-eval: wrote ${chosen.length} cards (of ${pool.length}) to ${out}\n  key: ${keyFile}\n`);
    return 0;
  }

  printMetrics(decks);
  if (parsed.showFailures) {
    // the held-out documents are a measurement set: their cards are not printed, only counted
    for (const d of decks.filter((x) => x.set === 'seeds')) {
      for (const c of d.checked.filter((x) => x.failures.length > 0)) {
        process.stdout.write(`[${c.failures.join(',')}] ${c.card.type}: ${c.card.front} -> ${c.card.back}\n`);
      }
    }
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cards-eval: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
