// loadCourse: the only I/O of the pipeline. Reads the content folder (documents and course.yaml),
// decodes text robustly, and hands everything to the pure buildCourse.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildCourse, type SourceDocument } from './build';
import { SUPPORTED_EXTENSIONS } from './clean';
import { type CourseConfig, COURSE_CONFIG_FILE, parseCourseConfig } from './config';
import { decodeText } from './decode';
import type { ContentIssue, Course } from './types';

export { decodeText };

const CONFIG_NAMES = [COURSE_CONFIG_FILE, 'course.yml'];

function isSupported(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(ext);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  return sample.includes(0);
}

interface Listing {
  documents: string[];
  unreadable: { file: string; reason: string }[];
}

async function listDocuments(root: string, dir = ''): Promise<Listing> {
  const out: Listing = { documents: [], unreadable: [] };
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const s = await stat(path.join(root, rel));
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch (error) {
        if (isSupported(entry.name)) out.unreadable.push({ file: rel, reason: (error as NodeJS.ErrnoException).code ?? 'broken link' });
        continue;
      }
    }
    if (isDir) {
      const sub = await listDocuments(root, rel);
      out.documents.push(...sub.documents);
      out.unreadable.push(...sub.unreadable);
    } else if (isFile && isSupported(entry.name) && !(dir === '' && CONFIG_NAMES.includes(entry.name))) {
      out.documents.push(rel);
    }
  }
  return out;
}

async function readConfig(dir: string): Promise<{ config?: CourseConfig; file: string; issues: ContentIssue[] }> {
  for (const name of CONFIG_NAMES) {
    let text: string;
    try {
      text = decodeText(await readFile(path.join(dir, name)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      return { file: name, issues: [{ level: 'error', file: name, message: `cannot read file: ${code ?? (error as Error).message}` }] };
    }
    return { ...parseCourseConfig(text, name), file: name };
  }
  return { file: COURSE_CONFIG_FILE, issues: [] };
}

/**
 * Loads the course in `dir`. Never throws for bad content: unreadable files, invalid course.yaml,
 * missing documents and empty documents are returned as `error` issues naming the file.
 */
export async function loadCourse(dir: string): Promise<{ course: Course; issues: ContentIssue[] }> {
  const issues: ContentIssue[] = [];
  const name = path.basename(path.resolve(dir));
  let listing: Listing;
  try {
    listing = await listDocuments(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ level: 'error', file: dir, message: `cannot read content folder: ${code ?? (error as Error).message}` });
    return { course: buildCourse({ documents: [], name }).course, issues };
  }
  for (const u of listing.unreadable) issues.push({ level: 'error', file: u.file, message: `cannot read file: ${u.reason}` });

  const { config, file: configFile, issues: configIssues } = await readConfig(dir);
  issues.push(...configIssues);

  const documents: SourceDocument[] = [];
  for (const rel of listing.documents) {
    try {
      const bytes = await readFile(path.join(dir, rel));
      if (looksBinary(bytes)) {
        issues.push({ level: 'error', file: rel, message: 'cannot read file: not a text document' });
        continue;
      }
      documents.push({ path: rel, text: decodeText(bytes) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      issues.push({ level: 'error', file: rel, message: `cannot read file: ${code ?? (error as Error).message}` });
    }
  }

  const unreadablePaths = listing.unreadable.map((u) => u.file);
  const result = buildCourse({
    documents,
    name,
    configFile,
    ...(config ? { config } : {}),
  });
  // A document that exists but could not be read is not also "missing" from course.yaml's point of view.
  const failed = new Set([...unreadablePaths, ...issues.filter((i) => i.message.startsWith('cannot read file')).map((i) => i.file)]);
  const buildIssues = result.issues.filter(
    (i) => !(i.file === configFile && [...failed].some((f) => i.message.includes(`missing document "${f}"`))),
  );
  return { course: result.course, issues: [...issues, ...buildIssues] };
}
