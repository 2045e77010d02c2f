import { describe, expect, it } from 'vitest';
import { csvField, DEFAULT_QUERY, isAtRisk, rowsToCsv, sortRows, tablePage, tableSearchParams, type DashboardRow } from './table';
import { parseTableQuery } from '@/lib/validations/classes';

const base: DashboardRow = {
  userId: 'u', name: 'N', email: 'n@example.com', assignmentId: 'a1', assignmentTitle: 'One', dueAt: new Date('2030-01-15T22:59:00Z'),
  done: 0, total: 4, percent: 0, status: 'not_started', lastActive: null, reviews7d: 0, retention: null, retentionReviews: 0, dueNow: 0,
};
const row = (over: Partial<DashboardRow>): DashboardRow => ({ ...base, ...over });

const rows = [
  row({ userId: 'c', name: 'Cleo', email: 'c@example.com', percent: 50, status: 'in_progress', retention: 0.8, reviews7d: 9, lastActive: new Date('2030-01-10T00:00:00Z') }),
  row({ userId: 'a', name: 'anna', email: 'a@example.com', percent: 100, status: 'done', retention: null, reviews7d: 2 }),
  row({ userId: 'b', name: 'Ben', email: 'b@example.com', percent: 0, status: 'overdue', retention: 0.5, reviews7d: 2, lastActive: new Date('2030-01-12T00:00:00Z') }),
  row({ userId: 'a', name: 'anna', email: 'a@example.com', assignmentId: 'a2', assignmentTitle: 'Two', dueAt: new Date('2030-02-01T00:00:00Z'), status: 'not_started' }),
];
const names = (rs: DashboardRow[]) => rs.map((r) => `${r.name}/${r.assignmentTitle}`);

describe('dashboard table', () => {
  it('sorts by name case-insensitively, then by any column with empty values last either way', () => {
    expect(names(sortRows(rows, 'learner', 'asc'))).toEqual(['anna/One', 'anna/Two', 'Ben/One', 'Cleo/One']);
    expect(names(sortRows(rows, 'retention', 'desc'))).toEqual(['Cleo/One', 'Ben/One', 'anna/One', 'anna/Two']);
    expect(names(sortRows(rows, 'retention', 'asc'))).toEqual(['Ben/One', 'Cleo/One', 'anna/One', 'anna/Two']);
    expect(names(sortRows(rows, 'lastActive', 'asc')).slice(0, 2)).toEqual(['Cleo/One', 'Ben/One']);
    // Status ascending puts the most urgent first; ties fall back to the learner's name.
    expect(names(sortRows(rows, 'status', 'asc'))).toEqual(['Ben/One', 'anna/Two', 'Cleo/One', 'anna/One']);
    expect(names(sortRows(rows, 'reviews7d', 'desc'))).toEqual(['Cleo/One', 'anna/One', 'Ben/One', 'anna/Two']);
  });

  it('filters by assignment, status and learner, and pages', () => {
    expect(tablePage(rows, { ...DEFAULT_QUERY, assignment: 'a2' }).rows.map((r) => r.name)).toEqual(['anna']);
    expect(tablePage(rows, { ...DEFAULT_QUERY, status: 'overdue' }).total).toBe(1);
    expect(tablePage(rows, { ...DEFAULT_QUERY, search: 'C@EXAMPLE' }).rows.map((r) => r.name)).toEqual(['Cleo']);
    const p2 = tablePage(rows, { ...DEFAULT_QUERY, page: 2 }, 3);
    expect(p2).toMatchObject({ page: 2, pages: 2, total: 4 });
    expect(names(p2.rows)).toEqual(['Cleo/One']);
    // A page past the end shows the last one; an empty result still has one page.
    expect(tablePage(rows, { ...DEFAULT_QUERY, page: 99 }, 3).page).toBe(2);
    expect(tablePage(rows, { ...DEFAULT_QUERY, search: 'nobody' })).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it('reads the URL leniently and writes it back without defaults', () => {
    const q = parseTableQuery({ sort: 'retention', dir: 'desc', page: '3', status: 'overdue', assignment: 'a1', search: ' ann ' });
    expect(q).toEqual({ sort: 'retention', dir: 'desc', page: 3, status: 'overdue', assignment: 'a1', search: 'ann' });
    expect(tableSearchParams(q).toString()).toBe('assignment=a1&status=overdue&search=ann&sort=retention&dir=desc&page=3');
    expect(parseTableQuery({ sort: 'password', dir: 'sideways', page: '-1', status: 'nope' })).toEqual({ ...DEFAULT_QUERY, assignment: undefined, status: undefined, search: undefined });
    expect(tableSearchParams(DEFAULT_QUERY).toString()).toBe('');
  });

  it('writes CSV with the table’s figures, quoting and defusing spreadsheet formulas', () => {
    const csv = rowsToCsv([row({ name: '=HYPERLINK("x")', email: 'e@example.com', percent: 25, done: 1, retention: 0.666, retentionReviews: 3, status: 'in_progress', lastActive: new Date('2030-01-10T08:30:00Z') })], 'Europe/Paris');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Learner,Email,Assignment,Due,Lessons done,Lessons total,Completion %,Status,Last active,Reviews (7 days),True retention %,Retention reviews,Cards due now,Forecast at due %,Forecast after due reviews %');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",e@example.com,One,2030-01-15 23:59,1,4,25,In progress,2030-01-10 09:30,0,67,3,0,,`);
    expect(lines[2]).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('sorts by the recall forecast, filters the rows at risk (below the target) and exports both forecasts', () => {
    const fr = [
      row({ userId: 'x', name: 'Xia', forecast: 0.92, forecastIfReviewed: 0.95 }),
      row({ userId: 'y', name: 'Yan', forecast: 0.41, forecastIfReviewed: 0.77 }),
      row({ userId: 'z', name: 'Zoe', forecast: 0.8, forecastIfReviewed: 0.8 }),
      row({ userId: 'w', name: 'Wim' }),
    ];
    expect(sortRows(fr, 'forecast', 'asc').map((r) => r.name)).toEqual(['Yan', 'Zoe', 'Xia', 'Wim']);
    expect(sortRows(fr, 'forecast', 'desc').map((r) => r.name)).toEqual(['Xia', 'Zoe', 'Yan', 'Wim']);
    expect(tablePage(fr, { ...DEFAULT_QUERY, risk: true }).rows.map((r) => r.name)).toEqual(['Yan']);
    expect(isAtRisk({ forecast: 0.79 })).toBe(true);
    expect(isAtRisk({ forecast: 0.8 })).toBe(false);
    expect(isAtRisk({ forecast: null })).toBe(false);
    const q = parseTableQuery({ risk: '1', sort: 'forecast' });
    expect(q.risk).toBe(true);
    expect(tableSearchParams(q).toString()).toBe('risk=1&sort=forecast');
    expect(parseTableQuery({ risk: 'yes' }).risk).toBeUndefined();
    expect(rowsToCsv([fr[1]!], 'UTC').split('\r\n')[1]!.endsWith(',41,77')).toBe(true);
  });
});
