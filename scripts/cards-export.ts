// CLI: load the course from a content folder, generate flashcards and print them as JSON lines or
// CSV on stdout, without touching any database. Usage:
//   npx tsx scripts/cards-export.ts [--content DIR] [--format jsonl|csv]   (or --format apkg --out FILE)

import { resolve } from 'node:path';
import { loadCourse } from '../lib/content/load';
import { generateCourseCards } from '../lib/cards';

type Format = 'jsonl' | 'csv';

interface Args {
  content: string;
  format: Format;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { content: './content', format: 'jsonl' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = argv[i + 1];
    if (a === '--content' || a === '--format') {
      if (value === undefined) return `${a} needs a value`;
      i++;
      if (a === '--content') args.content = value;
      else if (value === 'jsonl' || value === 'csv') args.format = value;
      else return `unknown format "${value}" (use jsonl or csv)`;
    } else if (a === '--help' || a === '-h') {
      return 'usage: npx tsx scripts/cards-export.ts [--content DIR] [--format jsonl|csv]';
    } else {
      return `unknown argument "${a}"`;
    }
  }
  return args;
}

const COLUMNS = ['key', 'module', 'lesson', 'lessonTitle', 'type', 'front', 'back', 'source', 'anchor', 'score'] as const;
type Row = Record<(typeof COLUMNS)[number], string | number>;

/** RFC 4180 quoting: wrap in quotes when needed, double inner quotes. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function main(): Promise<number> {
  // `--format apkg --out FILE` writes an Anki package instead (scripts/anki-export.ts).
  const argv = process.argv.slice(2);
  if (argv[argv.indexOf('--format') + 1] === 'apkg') return (await import('./anki-export')).runAnkiExport(argv);
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return parsed.startsWith('usage:') ? 0 : 2;
  }
  const dir = resolve(parsed.content);
  let loaded;
  try {
    loaded = await loadCourse(dir);
  } catch (err) {
    process.stderr.write(`cards-export: cannot load content from ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const { course, issues } = loaded;
  for (const issue of issues) process.stderr.write(`${issue.level}: ${issue.file}: ${issue.message}\n`);
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) {
    process.stderr.write(`cards-export: ${errors.length} content error(s) in ${dir}; fix them before exporting cards.\n`);
    return 1;
  }
  const titles = new Map<string, string>();
  for (const m of course.modules) for (const l of m.lessons) titles.set(l.key, l.title);
  const cards = generateCourseCards(course);
  const rows: Row[] = cards.map((c) => ({
    key: c.key,
    module: c.moduleKey,
    lesson: c.lessonKey,
    lessonTitle: titles.get(c.lessonKey) ?? '',
    type: c.type,
    front: c.front,
    back: c.back,
    source: c.source,
    anchor: c.anchor,
    score: c.score,
  }));
  const out: string[] = [];
  if (parsed.format === 'csv') {
    out.push(COLUMNS.join(','));
    for (const r of rows) out.push(COLUMNS.map((col) => csvField(r[col])).join(','));
  } else {
    for (const r of rows) out.push(JSON.stringify(r));
  }
  process.stdout.write(out.join('\n') + (out.length > 0 ? '\n' : ''));
  process.stderr.write(`cards-export: ${cards.length} cards from ${course.modules.reduce((n, m) => n + m.lessons.length, 0)} lessons\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cards-export: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
