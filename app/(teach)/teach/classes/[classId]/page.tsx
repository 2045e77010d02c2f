import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { getAssignableModules, getClassDashboard } from '@/lib/data/classes';
import { invitePath } from '@/lib/classes/join-code';
import { ASSIGNMENT_STATUSES, STATUS_LABELS } from '@/lib/classes/status';
import { formatInZone, isAtRisk, matchesLearner, RECALL_TARGET, tablePage, tableSearchParams } from '@/lib/classes/table';
import { parseTableQuery } from '@/lib/validations/classes';
import { dateToZonedWallTime } from '@/lib/srs/days';
import {
  AllowBackButton,
  AssignModuleForm,
  ClassSettingsForm,
  DeleteClassButton,
  EditAssignmentForm,
  JoinCodePanel,
  RemoveMemberButton,
  WithdrawAssignmentButton,
} from '@/components/classes/forms';
import { ProgressTable } from '@/components/classes/progress-table';
import { timeZoneOptions } from '@/components/ui/time-zone-select';

export const metadata: Metadata = { title: 'Class' };

type SearchParams = Record<string, string | string[] | undefined>;
const MEMBERS_LISTED = 100;

export default async function ClassPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<SearchParams> }) {
  const { classId } = await params;
  const user = await requireRole('instructor', `/teach/classes/${encodeURIComponent(classId)}`);
  const [dashboard, modules, sp] = await Promise.all([getClassDashboard(user.id, classId), getAssignableModules(user.id), searchParams]);
  if (!dashboard) notFound();
  const { class: cls, assignments, members, removed, rows } = dashboard;
  const query = parseTableQuery(sp);
  const page = tablePage(rows, query);
  const basePath = `/teach/classes/${encodeURIComponent(cls.id)}`;
  const exportQuery = tableSearchParams(query, { page: 1 }); // every page: page 1 leaves the parameter out
  const assigned = new Set(assignments.map((a) => a.moduleId));
  const zone = cls.timeZone;
  // A class can have hundreds of learners: the list follows the table's learner search and shows the first ones.
  const matchingMembers = members.filter((m) => matchesLearner(m, query.search));
  const listed = matchingMembers.slice(0, MEMBERS_LISTED);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm"><Link className="link" href="/teach">Teaching</Link></nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{cls.name}</h1>
        <p className="text-muted">{members.length} learner{members.length === 1 ? '' : 's'} · {assignments.length} assignment{assignments.length === 1 ? '' : 's'} · times in {zone}</p>
      </header>

      <section className="card space-y-3" aria-labelledby="invite-h">
        <h2 id="invite-h" className="text-lg font-semibold">Invite learners</h2>
        <p className="text-sm text-muted">Learners enter the code on their Classes page, or open the invite link.</p>
        <JoinCodePanel classId={cls.id} code={cls.joinCode} inviteUrl={new URL(invitePath(cls.joinCode), env().NEXTAUTH_URL).toString()} />
      </section>

      <section className="card space-y-4" aria-labelledby="assign-h">
        <h2 id="assign-h" className="text-lg font-semibold">Assignments</h2>
        {assignments.length === 0 ? <p className="text-sm text-muted">Nothing assigned yet. Assigned modules&apos; cards join each learner&apos;s reviews.</p> : (
          <ul className="divide-y divide-border">
            {assignments.map((a) => {
              const due = a.dueAt ? dateToZonedWallTime(a.dueAt, zone) : { date: '', time: '23:59' };
              return (
                <li key={a.id} className="space-y-2 py-3" data-testid="assignment">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="font-medium">{a.title}</span>
                    <span className="text-sm text-muted">due {formatInZone(a.dueAt, zone) || '—'} · {a.lessons} lessons</span>
                    <WithdrawAssignmentButton id={a.id} title={a.title} />
                  </div>
                  {a.note && <p className="text-sm">Note: {a.note}</p>}
                  <p className="text-sm text-muted">
                    {ASSIGNMENT_STATUSES.filter((s) => a.counts[s] > 0).map((s) => `${a.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(' · ') || 'No learners yet'}
                    {a.averagePercent !== null && ` · average ${a.averagePercent}% complete`}
                  </p>
                  <ForecastSummary rows={rows.filter((r) => r.assignmentId === a.id)} />
                  <EditAssignmentForm assignment={{ id: a.id, title: a.title, dueDate: due.date, dueTime: due.time, note: a.note }} />
                </li>
              );
            })}
          </ul>
        )}
        <h3 className="font-semibold">Assign a module</h3>
        <AssignModuleForm classId={cls.id} courses={modules.map((c) => ({ ...c, modules: c.modules.filter((m) => !assigned.has(m.id)) })).filter((c) => c.modules.length > 0)} />
      </section>

      <section id="progress" className="card space-y-4" aria-labelledby="progress-h">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="progress-h" className="text-lg font-semibold">Progress</h2>
          <a className="btn-secondary text-sm" href={`${basePath}/progress.csv${exportQuery.size ? `?${exportQuery}` : ''}`} download>Export CSV</a>
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-muted">{members.length === 0 ? 'No one has joined yet. Share the join code.' : 'Assign a module to follow progress.'}</p>
        ) : (
          <>
            <form method="get" action={`${basePath}#progress`} className="flex flex-wrap items-end gap-3" aria-label="Filter the progress table">
              <input type="hidden" name="sort" value={query.sort} />
              <input type="hidden" name="dir" value={query.dir} />
              <div>
                <label htmlFor="filter-assignment" className="label">Assignment</label>
                <select id="filter-assignment" name="assignment" defaultValue={query.assignment ?? ''} className="input">
                  <option value="">All assignments</option>
                  {assignments.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
                </select>
              </div>
              <div>
                <label htmlFor="filter-status" className="label">Status</label>
                <select id="filter-status" name="status" defaultValue={query.status ?? ''} className="input">
                  <option value="">Any status</option>
                  {ASSIGNMENT_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
                </select>
              </div>
              <div>
                <label htmlFor="filter-search" className="label">Learner</label>
                <input id="filter-search" name="search" type="search" defaultValue={query.search ?? ''} placeholder="Name or email" className="input" maxLength={100} />
              </div>
              <div className="flex items-center gap-2 pb-2">
                <input id="filter-risk" name="risk" type="checkbox" value="1" defaultChecked={query.risk === true} />
                <label htmlFor="filter-risk" className="text-sm">At risk (forecast below {Math.round(RECALL_TARGET * 100)}%)</label>
              </div>
              <button type="submit" className="btn-secondary">Filter</button>
              {(query.assignment || query.status || query.search || query.risk) && <Link className="link text-sm" href={`${basePath}#progress`}>Clear filters</Link>}
            </form>
            <ProgressTable basePath={basePath} query={query} page={page} timeZone={zone} />
            <p className="text-xs text-muted">
              Reviews, true retention (share of review-state cards recalled, past 30 days) and cards due count the assignment&apos;s cards only. Last active is the latest lesson view or review.
              Forecast at due: the predicted share of the assignment&apos;s cards the learner would recall at the due time if they
              did nothing more (cards not yet learned count as not recalled; after the due time, recall now), and below it the
              share if they did the reviews due now.
            </p>
          </>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="learners-h">
        <h2 id="learners-h" className="text-lg font-semibold">Learners ({members.length})</h2>
        {members.length === 0 ? <p className="text-sm text-muted">No one has joined yet.</p> : (
          <>
            <ul className="divide-y divide-border">
              {listed.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <Link className="link font-medium" href={`${basePath}/learners/${encodeURIComponent(m.id)}`}>{m.name}</Link>
                  <span className="text-muted">{m.email} · joined {formatInZone(m.joinedAt, zone)} · last active {formatInZone(m.lastActive, zone) || 'never'}</span>
                  <RemoveMemberButton classId={cls.id} userId={m.id} name={m.name} />
                </li>
              ))}
            </ul>
            {listed.length < matchingMembers.length && (
              <p className="text-sm text-muted">
                Showing {listed.length} of {matchingMembers.length}. Search for a learner in the progress filters to find the others.
              </p>
            )}
          </>
        )}
        {removed.length > 0 && (
          <>
            <h3 className="font-semibold">Removed ({removed.length})</h3>
            <p className="text-sm text-muted">They cannot rejoin with the code until you let them back in.</p>
            <ul className="divide-y divide-border">
              {removed.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <span className="font-medium">{r.name}</span>
                  <span className="text-muted">{r.email} · removed {formatInZone(r.removedAt, zone)}</span>
                  <AllowBackButton classId={cls.id} userId={r.id} name={r.name} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="settings-h">
        <h2 id="settings-h" className="text-lg font-semibold">Class settings</h2>
        <ClassSettingsForm classId={cls.id} name={cls.name} timeZone={zone} zones={timeZoneOptions(zone)} />
        <DeleteClassButton classId={cls.id} name={cls.name} />
      </section>
    </div>
  );
}

/** How many learners are forecast below the class target at the due time, and the spread, for one assignment. */
function ForecastSummary({ rows }: { rows: { forecast?: number | null }[] }) {
  const values = rows.flatMap((r) => (r.forecast === undefined || r.forecast === null ? [] : [r.forecast]));
  if (values.length === 0) return null;
  const below = rows.filter((r) => isAtRisk(r)).length;
  const bands = [0, 0.5, 0.8, 0.9].map((low, i, all) => {
    const high = all[i + 1] ?? Number.POSITIVE_INFINITY;
    return { label: i === all.length - 1 ? `${low * 100}%+` : `${low * 100}–${Math.round(high * 100)}%`, n: values.filter((v) => v >= low && v < high).length };
  });
  return (
    <p className="text-sm">
      <span className={below > 0 ? 'font-semibold text-danger' : ''}>{below} of {values.length} below the {Math.round(RECALL_TARGET * 100)}% recall target at the due time</span>
      <span className="text-muted"> · forecast {bands.map((b) => `${b.label}: ${b.n}`).join(' · ')}</span>
    </p>
  );
}
