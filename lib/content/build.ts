// buildCourse: pure assembly of a Course from documents (and course.yaml, if any): cleans each
// document, checks the configuration against the documents, splits lessons and reports issues.

import { cleanDocument } from './clean';
import { type CourseConfig, COURSE_CONFIG_FILE } from './config';
import { createSlugger, shortSlug, slugify } from './slug';
import { documentTitle, MAX_LESSON_WORDS, MIN_LESSON_WORDS, splitLessons } from './split';
import type { ContentIssue, Course, CourseModule, Lesson } from './types';
import { countWords, markdownToPlainText } from './words';

export interface SourceDocument {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  text: string;
}

export interface BuildInput {
  config?: CourseConfig;
  documents: SourceDocument[];
  /** Name of the content folder; titles the course when there is no course.yaml. */
  name?: string;
  /** Name of the configuration file, for issue messages (default course.yaml). */
  configFile?: string;
  /** Overrides of the lesson size bounds (words). */
  minWords?: number;
  maxWords?: number;
}

export interface BuildResult {
  course: Course;
  issues: ContentIssue[];
}

interface CleanDocument {
  path: string;
  markdown: string;
  words: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareFileNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** "02_intro-to_nets.md" → "Intro to nets". */
export function titleFromFileName(path: string): string {
  const base = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
  const words = base.replace(/^[\d\s._-]+(?=\p{L})/u, '').replace(/[_-]+/g, ' ').trim();
  const text = words || base;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file name that is an identifier (a hash, a number, a random id) rather than words a reader knows. */
function isIdentifier(name: string): boolean {
  const compact = name.replace(/[\s_-]+/g, '');
  if (!/\p{L}/u.test(compact)) return true;
  if (/\s/.test(name.trim())) return false;
  const digits = (compact.match(/\d/g) ?? []).length;
  return (/^[0-9a-f]{8,}$/i.test(compact) && digits > 0) || (compact.length >= 8 && digits / compact.length >= 0.3);
}

/** Small words that do not end a title cut from a sentence. */
const TRAILING_FUNCTION_WORDS = /\s+(?:a|an|the|of|and|or|to|in|on|for|with|by|as|at|is|are|was|were|be|that|which|its|their|from|into)$/i;

/**
 * A title for a document with neither a heading nor a meaningful file name: its first sentence when
 * short, else the sentence's first clause or its first words ("Training a neural network well…").
 */
export function titleFromText(markdown: string): string | undefined {
  const text = describe(markdown).replace(/…$/, '');
  if (!text) return undefined;
  const sentence = (/^.*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text).replace(/[.!]$/, '');
  const words = sentence.split(/\s+/);
  if (words.length <= 8) return sentence;
  const clause = /^(.+?)(?:[,;:(]|\s[-–—]\s)/u.exec(sentence)?.[1]?.trim() ?? '';
  const clauseWords = clause.split(/\s+/).length;
  if (clause && clauseWords >= 3 && clauseWords <= 8) return clause;
  let cut = words.slice(0, 6).join(' ');
  while (TRAILING_FUNCTION_WORDS.test(cut)) cut = cut.replace(TRAILING_FUNCTION_WORDS, '');
  return `${cut}…`;
}

/**
 * The title of a document without a course.yaml entry: its own title or first heading, else its file
 * name when that is made of words, else its first sentence.
 */
function titleOfDocument(path: string, markdown: string): string {
  const fromHeadings = documentTitle(markdown);
  if (fromHeadings) return fromHeadings;
  const fromName = titleFromFileName(path);
  const base = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
  if (!isIdentifier(fromName) && !isIdentifier(base)) return fromName;
  return titleFromText(markdown) ?? fromName;
}

/** First sentence of the first paragraph, as a short description. */
function describe(markdown: string): string {
  const paragraph = markdown
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|[-*+]\s|\d+[.)]\s|>|```|\||!\[)/.test(p));
  if (!paragraph) return '';
  const text = markdownToPlainText(paragraph).replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
  const sentence = /^.{20,200}?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  if (sentence.length <= 200) return sentence;
  return `${sentence.slice(0, 197).replace(/\s+\S*$/, '')}…`;
}

/** The first prerequisite cycle among modules (unknown keys ignored), as the keys around it; null when none. */
export function prerequisiteCycle(modules: readonly { key: string; prerequisites: readonly string[] }[]): string[] | null {
  const byKey = new Map(modules.map((m) => [m.key, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...stack.slice(stack.indexOf(key)), key];
    state.set(key, 'visiting');
    stack.push(key);
    for (const p of byKey.get(key)?.prerequisites ?? []) {
      if (!byKey.has(p)) continue;
      const cycle = visit(p);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(key, 'done');
    return null;
  };
  for (const m of modules) {
    const cycle = visit(m.key);
    if (cycle) return cycle;
  }
  return null;
}

interface ModulePlan {
  key: string;
  title: string;
  description: string;
  prerequisites: string[];
  sources: string[];
}

function planFromConfig(
  config: CourseConfig,
  docs: ReadonlyMap<string, CleanDocument>,
  allPaths: ReadonlySet<string>,
  issues: ContentIssue[],
  configFile: string,
): ModulePlan[] {
  const plans: ModulePlan[] = [];
  const seen = new Set<string>();
  config.modules.forEach((m, i) => {
    const key = m.key ?? slugify(m.title);
    if (!key) {
      issues.push({ level: 'error', file: configFile, message: `modules[${i}]: cannot derive a key from title "${m.title}"; add a key` });
      return;
    }
    if (seen.has(key)) {
      issues.push({ level: 'error', file: configFile, message: `modules[${i}]: duplicate module key "${key}"` });
      return;
    }
    seen.add(key);
    const sources = m.sources.map(normalisePath);
    for (const source of sources) {
      if (!allPaths.has(source)) {
        issues.push({
          level: 'error',
          file: configFile,
          message: `module "${key}" references missing document "${source}" (not found, or not a .md/.markdown/.txt/.html/.htm file)`,
        });
      }
    }
    plans.push({
      key,
      title: m.title,
      description: m.description,
      prerequisites: m.prerequisites,
      sources: sources.filter((s) => docs.has(s) || allPaths.has(s)),
    });
  });
  const keys = new Set(plans.map((p) => p.key));
  for (const plan of plans) {
    for (const p of plan.prerequisites) {
      if (p === plan.key) {
        issues.push({ level: 'error', file: configFile, message: `module "${plan.key}" lists itself as a prerequisite` });
      } else if (!keys.has(p)) {
        issues.push({ level: 'error', file: configFile, message: `module "${plan.key}" has unknown prerequisite module "${p}"` });
      }
    }
  }
  const cycle = prerequisiteCycle(plans);
  if (cycle) {
    issues.push({ level: 'error', file: configFile, message: `prerequisites form a cycle: ${cycle.join(' → ')}` });
  }
  const used = new Map<string, number>();
  for (const plan of plans) for (const s of plan.sources) used.set(s, (used.get(s) ?? 0) + 1);
  for (const path of allPaths) {
    if (!used.has(path)) issues.push({ level: 'warning', file: path, message: `not used by any module in ${configFile}` });
    else if ((used.get(path) ?? 0) > 1) issues.push({ level: 'warning', file: path, message: 'used by more than one module' });
  }
  return plans;
}

function planFromFolder(docs: readonly CleanDocument[]): ModulePlan[] {
  const slugger = createSlugger();
  return docs.map((doc) => {
    const title = titleOfDocument(doc.path, doc.markdown);
    return {
      key: slugger.slug(shortSlug(title) || shortSlug(titleFromFileName(doc.path)), 'module'),
      title,
      description: describe(doc.markdown),
      prerequisites: [],
      sources: [doc.path],
    };
  });
}

/** Assembles the course. Pure: no I/O, never throws for a bad document (it becomes an issue). */
export function buildCourse(input: BuildInput): BuildResult {
  const issues: ContentIssue[] = [];
  const min = input.minWords ?? MIN_LESSON_WORDS;
  const max = input.maxWords ?? MAX_LESSON_WORDS;
  const documents = [...input.documents]
    .map((d) => ({ ...d, path: normalisePath(d.path) }))
    .sort((a, b) => compareFileNames(a.path, b.path));

  const cleaned = new Map<string, CleanDocument>();
  for (const doc of documents) {
    try {
      const markdown = cleanDocument(doc.text, doc.path);
      const words = countWords(markdown);
      if (words === 0) {
        issues.push({ level: 'error', file: doc.path, message: 'empty document: nothing left after cleaning' });
        continue;
      }
      cleaned.set(doc.path, { path: doc.path, markdown, words });
    } catch (error) {
      issues.push({ level: 'error', file: doc.path, message: `could not be processed: ${(error as Error).message}` });
    }
  }
  if (documents.length === 0) {
    issues.push({ level: 'error', file: input.name ?? '.', message: 'no documents found (.md, .markdown, .txt, .html, .htm)' });
  }

  const allPaths = new Set(documents.map((d) => d.path));
  const plans = input.config
    ? planFromConfig(input.config, cleaned, allPaths, issues, input.configFile ?? COURSE_CONFIG_FILE)
    : planFromFolder([...cleaned.values()]);

  const modules: CourseModule[] = plans.map((plan, order) => {
    const slugger = createSlugger();
    const lessons: Lesson[] = [];
    for (const source of plan.sources) {
      const doc = cleaned.get(source);
      if (!doc) continue;
      const fallbackTitle = plan.sources.length === 1 ? plan.title : titleOfDocument(source, doc.markdown);
      let split: Lesson[];
      try {
        split = splitLessons(doc.markdown, {
          moduleKey: plan.key,
          sourceFile: source,
          fallbackTitle,
          slugger,
          startOrder: lessons.length,
          minWords: min,
          maxWords: max,
        });
      } catch (error) {
        issues.push({ level: 'error', file: source, message: `could not be split into lessons: ${(error as Error).message}` });
        continue;
      }
      if (doc.words < min) {
        issues.push({ level: 'warning', file: source, message: `short document (${doc.words} words): kept as one lesson` });
      }
      for (const lesson of split) {
        if (lesson.words < min && doc.words >= min) {
          issues.push({ level: 'warning', file: source, message: `short lesson "${lesson.title}" (${lesson.words} words, target ${min}–${max})` });
        } else if (lesson.words > max) {
          issues.push({ level: 'warning', file: source, message: `long lesson "${lesson.title}" (${lesson.words} words, target ${min}–${max})` });
        }
      }
      lessons.push(...split);
    }
    if (lessons.length === 0 && plan.sources.length > 0) {
      issues.push({ level: 'warning', file: input.config ? (input.configFile ?? COURSE_CONFIG_FILE) : (plan.sources[0] ?? '.'), message: `module "${plan.key}" has no lessons` });
    }
    return { ...plan, order, lessons };
  });

  const seen = new Set<string>();
  for (const lesson of modules.flatMap((m) => m.lessons)) {
    if (seen.has(lesson.key)) issues.push({ level: 'error', file: lesson.sourceFile, message: `duplicate lesson key "${lesson.key}"` });
    seen.add(lesson.key);
  }

  const name = input.name ? titleFromFileName(input.name) : 'Course';
  const title = input.config?.title ?? name;
  const course: Course = {
    key: input.config?.key ?? (slugify(title) || 'course'),
    title,
    description: input.config?.description ?? '',
    modules,
  };
  return { course, issues };
}
