import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getAssignableModules, getClassReport } from '@/lib/data/classes';
import { AssignModuleForm, RemoveAssignmentButton } from '@/components/classes/forms';

export const metadata: Metadata = { title: 'Class' };

const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requireRole('instructor', `/teach/classes/${encodeURIComponent(classId)}`);
  const [report, modules] = await Promise.all([getClassReport(user.id, classId), getAssignableModules()]);
  if (!report) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm"><Link className="link" href="/teach">Teaching</Link></nav>
      <header>
        <h1 className="text-2xl font-bold">{report.name}</h1>
        <p className="text-muted">
          Join code: <code className="rounded bg-surface-2 px-2 py-0.5 text-lg font-bold tracking-widest" data-testid="join-code">{report.joinCode}</code> — learners enter it on their Classes page.
        </p>
      </header>
      <section className="card space-y-4" aria-labelledby="assign-h">
        <h2 id="assign-h" className="text-lg font-semibold">Assigned modules</h2>
        {report.assignments.length === 0 ? <p className="text-sm text-muted">Nothing assigned yet.</p> : (
          <ul className="divide-y divide-border">
            {report.assignments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="font-medium">{a.title}</span>
                <span className="text-sm text-muted">due {date(a.dueAt)}</span>
                <RemoveAssignmentButton id={a.id} title={a.title} />
              </li>
            ))}
          </ul>
        )}
        <AssignModuleForm classId={report.id} modules={modules} />
      </section>
      <section className="card space-y-3" aria-labelledby="learners-h">
        <h2 id="learners-h" className="text-lg font-semibold">Learners ({report.members.length})</h2>
        {report.members.length === 0 ? <p className="text-sm text-muted">No one has joined yet. Share the join code.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Progress of each learner on the assigned modules</caption>
              <thead>
                <tr className="border-b border-border">
                  <th scope="col" className="py-2 pr-4">Learner</th>
                  {report.assignments.map((a) => <th key={a.id} scope="col" className="py-2 pr-4">{a.title}</th>)}
                  <th scope="col" className="py-2 pr-4">Reviews (7 days)</th>
                  <th scope="col" className="py-2">Last active</th>
                </tr>
              </thead>
              <tbody>
                {report.members.map((m) => (
                  <tr key={m.userId} className="border-b border-border">
                    <th scope="row" className="py-2 pr-4 font-medium">{m.name}<div className="text-xs font-normal text-muted">{m.email}</div></th>
                    {m.modules.map((p, i) => {
                      const a = report.assignments[i]!;
                      const late = a.dueAt && a.dueAt < new Date() && p.done < p.total;
                      return (
                        <td key={p.moduleId} className={`py-2 pr-4 ${late ? 'text-danger' : p.done === p.total && p.total > 0 ? 'text-success' : ''}`}>
                          {p.done}/{p.total} lessons{late ? ' · overdue' : ''}
                        </td>
                      );
                    })}
                    <td className="py-2 pr-4">{m.reviews7d}</td>
                    <td className="py-2">{date(m.lastActive)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
