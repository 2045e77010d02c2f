// Shapes of class forms and the dashboard's URL, shared by forms, actions and pages.
import { z } from 'zod';
import { timeZone } from './auth';
import { plainText } from './text';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from '@/lib/classes/join-code';
import { ASSIGNMENT_STATUSES } from '@/lib/classes/status';
import { DEFAULT_QUERY, SORT_KEYS, type TableQuery } from '@/lib/classes/table';
import { recordId } from '@/lib/validations/id';

const id = recordId;

export const classSchema = z.object({
  name: plainText({ label: 'the class name', min: 2, max: 80, minMessage: 'Give the class a name of at least 2 characters.', maxMessage: 'Use at most 80 characters.' }),
  timeZone: timeZone.refine((v) => v !== '', 'Choose a time zone.'),
});

const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const joinCodeSchema = z.object({
  code: z
    .string()
    .max(40, `A join code has ${JOIN_CODE_LENGTH} letters and digits, like K7Q2XM4P.`)
    .transform(normaliseJoinCode)
    .refine((v) => codePattern.test(v), `A join code has ${JOIN_CODE_LENGTH} letters and digits, like K7Q2XM4P.`),
});

/** A real calendar day 'YYYY-MM-DD' (not 2030-02-30). */
const day = z
  .string()
  .trim()
  .min(1, 'Choose a due date.')
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, 'Use a valid date.');

/** 'HH:MM' from an <input type="time">; empty means the end of the day. */
const time = z
  .string()
  .trim()
  .transform((v) => (v === '' ? '23:59' : v.slice(0, 5)))
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Use a valid time.');

const note = plainText({ label: 'the note', max: 500, maxMessage: 'Keep the note under 500 characters.', multiline: true });

export const assignmentSchema = z.object({
  classId: id,
  moduleId: z.string().min(1, 'Choose a module.').max(64),
  dueDate: day,
  dueTime: time,
  note,
});

export const assignmentUpdateSchema = z.object({
  assignmentId: id,
  dueDate: day,
  dueTime: time,
  note,
});

/** The dashboard's filters, sort and page from the URL; anything unknown falls back to the default. */
export const tableQuerySchema = z.object({
  sort: z.enum(SORT_KEYS).catch(DEFAULT_QUERY.sort),
  dir: z.enum(['asc', 'desc']).catch(DEFAULT_QUERY.dir),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  assignment: z.string().max(64).optional().catch(undefined).transform((v) => v || undefined),
  status: z.enum(ASSIGNMENT_STATUSES).optional().catch(undefined),
  search: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  risk: z.string().optional().catch(undefined).transform((v) => v === '1' || undefined),
});

export function parseTableQuery(params: Record<string, string | string[] | undefined>): TableQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return tableQuerySchema.parse({
    sort: first(params.sort),
    dir: first(params.dir),
    page: first(params.page) ?? 1,
    assignment: first(params.assignment),
    status: first(params.status),
    search: first(params.search),
    risk: first(params.risk),
  });
}
