// The class dashboard's table: learner × assignment rows with sortable headers (links, so they work
// without JavaScript and can be bookmarked) and pagination.
import Link from 'next/link';
import { formatInZone, formatPercent, isAtRisk, tableSearchParams, type DashboardRow, type SortKey, type TablePage, type TableQuery } from '@/lib/classes/table';
import { StatusBadge } from './status-badge';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'learner', label: 'Learner' },
  { key: 'assignment', label: 'Assignment' },
  { key: 'completion', label: 'Completion', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'lastActive', label: 'Last active' },
  { key: 'reviews7d', label: 'Reviews (7 days)', numeric: true },
  { key: 'retention', label: 'True retention', numeric: true },
  { key: 'dueNow', label: 'Due now', numeric: true },
  { key: 'forecast', label: 'Forecast at due', numeric: true },
];

export function ProgressTable({ basePath, query, page, timeZone }: { basePath: string; query: TableQuery; page: TablePage; timeZone: string }) {
  const href = (changes: Partial<TableQuery>) => {
    const qs = tableSearchParams(query, changes).toString();
    return `${basePath}${qs ? `?${qs}` : ''}#progress`;
  };
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[60rem] text-left text-sm">
          <caption className="sr-only">Progress of each learner on each assignment; column headers sort the table</caption>
          <thead>
            <tr className="border-b border-border">
              {COLUMNS.map((c) => {
                const active = query.sort === c.key;
                const nextDir = active && query.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th key={c.key} scope="col" className={`py-2 pr-4 ${c.numeric ? 'text-right' : ''}`} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <Link className="link whitespace-nowrap" href={href({ sort: c.key, dir: nextDir, page: 1 })} aria-label={`${c.label}: sort ${nextDir === 'asc' ? 'ascending' : 'descending'}`}>
                      {c.label}{active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => <Row key={`${r.userId}-${r.assignmentId}`} row={r} basePath={basePath} timeZone={timeZone} />)}
          </tbody>
        </table>
      </div>
      {page.rows.length === 0 && <p className="text-sm text-muted">No rows match these filters.</p>}
      {page.pages > 1 && (
        <nav aria-label="Table pages" className="flex flex-wrap items-center gap-3 text-sm">
          {page.page > 1 ? <Link className="link" href={href({ page: page.page - 1 })}>← Previous</Link> : <span className="text-muted">← Previous</span>}
          <span>Page {page.page} of {page.pages} · {page.total} rows</span>
          {page.page < page.pages ? <Link className="link" href={href({ page: page.page + 1 })}>Next →</Link> : <span className="text-muted">Next →</span>}
        </nav>
      )}
    </div>
  );
}

function Row({ row: r, basePath, timeZone }: { row: DashboardRow; basePath: string; timeZone: string }) {
  return (
    <tr className="border-b border-border align-top">
      <th scope="row" className="min-w-[11rem] py-2 pr-4 font-medium">
        <Link className="link" href={`${basePath}/learners/${encodeURIComponent(r.userId)}`}>{r.name}</Link>
        <div className="break-all text-xs font-normal text-muted">{r.email}</div>
      </th>
      <td className="min-w-[13rem] py-2 pr-4">{r.assignmentTitle}<div className="whitespace-nowrap text-xs text-muted">due {formatInZone(r.dueAt, timeZone) || '—'}</div></td>
      <td className="py-2 pr-4 text-right tabular-nums">{r.percent}%<div className="whitespace-nowrap text-xs text-muted">{r.done}/{r.total} lessons</div></td>
      <td className="py-2 pr-4"><StatusBadge status={r.status} /></td>
      <td className="py-2 pr-4 whitespace-nowrap">{formatInZone(r.lastActive, timeZone) || 'Never'}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{r.reviews7d}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{r.retention === null ? '—' : formatPercent(r.retention)}{r.retentionReviews > 0 && <div className="text-xs text-muted">of {r.retentionReviews}</div>}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{r.dueNow}</td>
      <td className={`py-2 pr-4 text-right tabular-nums ${isAtRisk(r) ? 'font-semibold text-danger' : ''}`}>
        {r.forecast === undefined || r.forecast === null ? '—' : formatPercent(r.forecast)}
        {isAtRisk(r) && <span className="sr-only"> (at risk)</span>}
        {r.forecastIfReviewed !== undefined && r.forecastIfReviewed !== null && r.dueNow > 0 && (
          <div className="whitespace-nowrap text-xs font-normal text-muted">{formatPercent(r.forecastIfReviewed)} after due reviews</div>
        )}
      </td>
    </tr>
  );
}
