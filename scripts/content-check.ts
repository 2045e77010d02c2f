// content:check — loads the content folder, prints the course outline with word counts and any
// warnings/errors (or one JSON object with --json). Exits 1 when there are errors.
// Usage: npx tsx scripts/content-check.ts [--content DIR] [--json]

import path from 'node:path';
import { loadCourse } from '../lib/content/load';
import type { ContentIssue, Course } from '../lib/content/index';

interface Args {
  content: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { content: './content', json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--content') {
      const value = argv[i + 1];
      if (!value) return '--content needs a folder';
      args.content = value;
      i += 1;
    } else if (arg.startsWith('--content=')) args.content = arg.slice('--content='.length);
    else if (arg === '--help' || arg === '-h') return 'usage: content-check [--content DIR] [--json]';
    else return `unknown argument: ${arg}`;
  }
  return args;
}

function toJson(course: Course, issues: readonly ContentIssue[]): string {
  return JSON.stringify(
    {
      course: { key: course.key, title: course.title, description: course.description },
      modules: course.modules.map((m) => ({
        key: m.key,
        title: m.title,
        lessons: m.lessons.map((l) => ({ key: l.key, title: l.title, words: l.words, text: l.markdown })),
      })),
      issues,
    },
    null,
    2,
  );
}

function outline(course: Course, issues: readonly ContentIssue[], ms: number): string {
  const lines: string[] = [`${course.title}  [${course.key}]`];
  if (course.description) lines.push(`  ${course.description}`);
  let lessons = 0;
  let words = 0;
  for (const m of course.modules) {
    const moduleWords = m.lessons.reduce((n, l) => n + l.words, 0);
    const prereq = m.prerequisites.length ? `  (after: ${m.prerequisites.join(', ')})` : '';
    lines.push('', `${m.order + 1}. ${m.title}  [${m.key}]  ${m.lessons.length} lessons, ${moduleWords} words${prereq}`);
    for (const l of m.lessons) {
      lines.push(`   ${String(l.words).padStart(5)}  ${l.title}  [${l.key}]`);
      lessons += 1;
      words += l.words;
    }
  }
  lines.push('', `${course.modules.length} modules, ${lessons} lessons, ${words} words (${ms.toFixed(0)} ms)`);
  const errors = issues.filter((i) => i.level === 'error');
  const warnings = issues.filter((i) => i.level === 'warning');
  if (issues.length) lines.push('');
  for (const i of [...errors, ...warnings]) lines.push(`${i.level.toUpperCase()}  ${i.file}: ${i.message}`);
  lines.push(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const started = performance.now();
  const { course, issues } = await loadCourse(path.resolve(args.content));
  const ms = performance.now() - started;
  console.log(args.json ? toJson(course, issues) : outline(course, issues, ms));
  return issues.some((i) => i.level === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
