import { describe, expect, it } from 'vitest';
import { assignmentProgress } from './status';

const now = new Date('2026-06-01T12:00:00Z');
const past = new Date('2026-05-31T12:00:00Z');
const future = new Date('2026-06-02T12:00:00Z');

describe('assignment progress', () => {
  it('is not started, in progress or done by lessons completed', () => {
    expect(assignmentProgress(0, 4, future, now)).toEqual({ done: 0, total: 4, percent: 0, status: 'not_started' });
    expect(assignmentProgress(1, 4, future, now)).toEqual({ done: 1, total: 4, percent: 25, status: 'in_progress' });
    expect(assignmentProgress(4, 4, future, now)).toEqual({ done: 4, total: 4, percent: 100, status: 'done' });
  });
  it('is overdue once the due instant has passed and it is not done', () => {
    expect(assignmentProgress(0, 4, past, now).status).toBe('overdue');
    expect(assignmentProgress(3, 4, now, now).status).toBe('overdue');
    expect(assignmentProgress(4, 4, past, now).status).toBe('done');
    expect(assignmentProgress(0, 4, null, now).status).toBe('not_started');
  });
  it('rounds down so 100 % always means done, and copes with odd counts', () => {
    expect(assignmentProgress(199, 200, future, now).percent).toBe(99);
    expect(assignmentProgress(2, 3, future, now).percent).toBe(66);
    expect(assignmentProgress(5, 3, future, now)).toMatchObject({ done: 3, percent: 100, status: 'done' });
    expect(assignmentProgress(0, 0, past, now)).toMatchObject({ percent: 100, status: 'done' });
  });
});
