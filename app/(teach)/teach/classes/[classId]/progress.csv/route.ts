// CSV export of a class's progress table, with the filters and sort of the page that linked here.
// Re-checks the session: only the class's instructor gets data; anyone else gets an error status, never rows.
import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { getClassDashboard } from '@/lib/data/classes';
import { rowsToCsv, tableRows } from '@/lib/classes/table';
import { parseTableQuery } from '@/lib/validations/classes';

export async function GET(request: NextRequest, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await getCurrentUser();
  if (!user) {
    const signIn = new URL('/signin', request.nextUrl.origin);
    signIn.searchParams.set('callbackUrl', `/teach/classes/${encodeURIComponent(classId)}`);
    return NextResponse.redirect(signIn, 303);
  }
  if (user.role !== 'instructor') return new NextResponse('Only instructors can export class progress.\n', { status: 403 });
  const dashboard = await getClassDashboard(user.id, classId);
  if (!dashboard) return new NextResponse('Class not found.\n', { status: 404 });
  const query = parseTableQuery(Object.fromEntries(request.nextUrl.searchParams));
  const rows = tableRows(dashboard.rows, query);
  const day = new Date().toISOString().slice(0, 10);
  const slug = dashboard.class.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'class';
  return new NextResponse(rowsToCsv(rows, dashboard.class.timeZone), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}-progress-${day}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
