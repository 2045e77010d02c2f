// course.yaml: the course title and the ordered modules, each drawing from named documents.
// Validated with zod; every problem becomes a ContentIssue naming the file and the reason.

import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { ContentIssue } from './types';

export const COURSE_CONFIG_FILE = 'course.yaml';

const slugKey = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u, 'must be a slug: lower-case letters, digits and dashes');

const moduleSchema = z.strictObject({
  key: slugKey.optional(),
  title: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().default(''),
  sources: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1, 'must list at least one document')])
    .transform((s) => (typeof s === 'string' ? [s] : s)),
  prerequisites: z.array(slugKey).default([]),
});

export const courseConfigSchema = z.strictObject({
  key: slugKey.optional(),
  title: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().default(''),
  modules: z.array(moduleSchema).min(1, 'must list at least one module'),
});

export type CourseConfig = z.output<typeof courseConfigSchema>;
export type ModuleConfig = CourseConfig['modules'][number];
/** What may be written in course.yaml (optional fields may be left out). */
export type CourseConfigInput = z.input<typeof courseConfigSchema>;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** Validates already-parsed data (e.g. from a test) as a course configuration. */
export function validateCourseConfig(
  data: unknown,
  file = COURSE_CONFIG_FILE,
): { config?: CourseConfig; issues: ContentIssue[] } {
  const result = courseConfigSchema.safeParse(data);
  if (result.success) return { config: result.data, issues: [] };
  return {
    issues: result.error.issues.map((issue) => ({
      level: 'error' as const,
      file,
      message: `invalid course configuration: ${formatPath(issue.path) || '(root)'}: ${issue.message}`,
    })),
  };
}

/** Parses and validates the text of course.yaml. */
export function parseCourseConfig(
  text: string,
  file = COURSE_CONFIG_FILE,
): { config?: CourseConfig; issues: ContentIssue[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        level: 'error' as const,
        file,
        message: `invalid YAML: ${e.message.split('\n')[0] ?? e.message}`,
      })),
    };
  }
  return validateCourseConfig(doc.toJS(), file);
}
