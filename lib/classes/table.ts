// The class dashboard's table as plain data: one row per learner × assignment, filtered, sorted and paged
// the same way on the page and in the CSV export, with one set of formatters so both show the same figures.
import { dateToZonedWallTime } from '@/lib/srs/days';
import { DEFAULT_RECALL_TARGET } from '@/lib/srs/forecast';
import { STATUS_LABELS, type AssignmentStatus } from './status';

/** The class's recall target: a row whose forecast at the due time is below it is "at risk". */
export const RECALL_TARGET = DEFAULT_RECALL_TARGET;

export interface DashboardRow {
  userId: string;
  name: string;
  email: string;
  assignmentId: string;
  assignmentTitle: string;
  dueAt: Date | null;
  done: number;
  total: number;
  percent: number;
  status: AssignmentStatus;
  /** Last lesson view or review, whichever is later. */
  lastActive: Date | null;
  /** Reviews of the assignment's cards in the past 7 days. */
  reviews7d: number;
  /** True retention on the assignment's cards over the past 30 days, null without review-state reviews. */
  retention: number | null;
  retentionReviews: number;
  /** The assignment's cards in learning, relearning or review that are due now. */
  dueNow: number;
  /** Predicted share of the assignment's cards recalled at its due time (lib/classes/forecast); null when not computed. */
  forecast?: number | null;
  /** The same if the learner did their due reviews now ("Good" on each). */
  forecastIfReviewed?: number | null;
}

export const SORT_KEYS = ['learner', 'assignment', 'completion', 'status', 'lastActive', 'reviews7d', 'retention', 'dueNow', 'forecast'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export const PAGE_SIZE = 50;

export interface TableQuery {
  sort: SortKey;
  dir: SortDir;
  page: number;
  /** Only rows of this assignment. */
  assignment?: string;
  status?: AssignmentStatus;
  /** Part of a learner's name or email. */
  search?: string;
  /** Only rows whose recall forecast at the due time is below RECALL_TARGET. */
  risk?: boolean;
}

export const DEFAULT_QUERY: TableQuery = { sort: 'learner', dir: 'asc', page: 1 };

// Most urgent first when sorting by status ascending.
const STATUS_RANK: Record<AssignmentStatus, number> = { overdue: 0, not_started: 1, in_progress: 2, done: 3 };

type Value = string | number | null;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortValue(row: DashboardRow, key: SortKey): Value {
  switch (key) {
    case 'learner': return row.name;
    case 'assignment': return row.dueAt ? row.dueAt.getTime() : null;
    case 'completion': return row.percent;
    case 'status': return STATUS_RANK[row.status];
    case 'lastActive': return row.lastActive ? row.lastActive.getTime() : null;
    case 'reviews7d': return row.reviews7d;
    case 'retention': return row.retention;
    case 'dueNow': return row.dueNow;
    case 'forecast': return row.forecast ?? null;
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) - (b as number);
}

/** Sorted copy; empty values (never active, no retention yet) go last in either direction. */
export function sortRows(rows: readonly DashboardRow[], sort: SortKey, dir: SortDir): DashboardRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = sortValue(x, sort);
    const b = sortValue(y, sort);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const c = compareValues(a, b);
      if (c !== 0) return sign * c;
    }
    return collator.compare(x.name, y.name) || x.email.localeCompare(y.email) || (x.dueAt?.getTime() ?? 0) - (y.dueAt?.getTime() ?? 0) || x.assignmentTitle.localeCompare(y.assignmentTitle);
  });
}

/** Whether a learner's name or email contains the search text (no search matches everyone). */
export function matchesLearner(person: { name: string; email: string }, search: string | undefined): boolean {
  const needle = search?.trim().toLowerCase();
  return !needle || person.name.toLowerCase().includes(needle) || person.email.toLowerCase().includes(needle);
}

/** Whether a row's recall forecast at the due time is below the target. */
export function isAtRisk(row: Pick<DashboardRow, 'forecast'>, target = RECALL_TARGET): boolean {
  return row.forecast !== undefined && row.forecast !== null && row.forecast < target;
}

export function filterRows(rows: readonly DashboardRow[], query: Pick<TableQuery, 'assignment' | 'status' | 'search' | 'risk'>): DashboardRow[] {
  return rows.filter(
    (r) =>
      (!query.assignment || r.assignmentId === query.assignment) &&
      (!query.status || r.status === query.status) &&
      (!query.risk || isAtRisk(r)) &&
      matchesLearner(r, query.search),
  );
}

export interface TablePage {
  rows: DashboardRow[];
  /** Rows matching the filters, on all pages. */
  total: number;
  page: number;
  pages: number;
}

/** The rows a table view shows, on all its pages, in order: what the page cuts up and the CSV exports. */
export function tableRows(rows: readonly DashboardRow[], query: TableQuery): DashboardRow[] {
  return sortRows(filterRows(rows, query), query.sort, query.dir);
}

/** Filter, sort and cut out one page (a page past the end shows the last one). */
export function tablePage(rows: readonly DashboardRow[], query: TableQuery, pageSize = PAGE_SIZE): TablePage {
  const matching = tableRows(rows, query);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page)), pages);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pages };
}

// ---------- formatting shared by the page and the CSV ----------

export function formatPercent(fraction: number | null): string {
  return fraction === null ? '' : `${Math.round(fraction * 100)}%`;
}

/** "2030-01-15 23:59" on the wall clock of `timeZone`. */
export function formatInZone(date: Date | null, timeZone: string): string {
  if (!date) return '';
  const { date: day, time } = dateToZonedWallTime(date, timeZone);
  return `${day} ${time}`;
}

export const CSV_HEADER = [
  'Learner', 'Email', 'Assignment', 'Due', 'Lessons done', 'Lessons total', 'Completion %', 'Status',
  'Last active', 'Reviews (7 days)', 'True retention %', 'Retention reviews', 'Cards due now',
  'Forecast at due %', 'Forecast after due reviews %',
] as const;

/** formatInZone with a memory: a class has few due dates and one last-active time per learner, and Intl is slow. */
function zoneFormatter(timeZone: string): (date: Date | null) => string {
  const seen = new Map<number, string>();
  return (date) => {
    if (!date) return '';
    let text = seen.get(date.getTime());
    if (text === undefined) {
      text = formatInZone(date, timeZone);
      seen.set(date.getTime(), text);
    }
    return text;
  };
}

export function csvRecord(row: DashboardRow, format: (date: Date | null) => string): string[] {
  return [
    row.name,
    row.email,
    row.assignmentTitle,
    format(row.dueAt),
    String(row.done),
    String(row.total),
    String(row.percent),
    STATUS_LABELS[row.status],
    format(row.lastActive),
    String(row.reviews7d),
    row.retention === null ? '' : String(Math.round(row.retention * 100)),
    String(row.retentionReviews),
    String(row.dueNow),
    row.forecast === undefined || row.forecast === null ? '' : String(Math.round(row.forecast * 100)),
    row.forecastIfReviewed === undefined || row.forecastIfReviewed === null ? '' : String(Math.round(row.forecastIfReviewed * 100)),
  ];
}

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe: learner names are typed by learners.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rowsToCsv(rows: readonly DashboardRow[], timeZone: string): string {
  const format = zoneFormatter(timeZone);
  const lines = [CSV_HEADER as readonly string[], ...rows.map((r) => csvRecord(r, format))];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The URL query of a table view (defaults left out), for links, sort headers and the CSV export. */
export function tableSearchParams(query: TableQuery, changes: Partial<TableQuery> = {}): URLSearchParams {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  if (q.assignment) params.set('assignment', q.assignment);
  if (q.status) params.set('status', q.status);
  if (q.search) params.set('search', q.search);
  if (q.risk) params.set('risk', '1');
  if (q.sort !== DEFAULT_QUERY.sort) params.set('sort', q.sort);
  if (q.dir !== DEFAULT_QUERY.dir) params.set('dir', q.dir);
  if (q.page > 1) params.set('page', String(q.page));
  return params;
}
