// Download of everything we hold about the signed-in user: ?format=json (all of it) or ?format=csv&part=<part>.
// Re-checks the session; the user id comes from it, never from the URL.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { ACCOUNT_CSV_PARTS, accountDataCsv, collectAccountData } from '@/lib/users/account-data';

const query = z.object({
  format: z.enum(['json', 'csv']).catch('json'),
  part: z.enum(ACCOUNT_CSV_PARTS).catch('reviews'),
});

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) {
    const signIn = new URL('/signin', request.nextUrl.origin);
    signIn.searchParams.set('callbackUrl', '/account');
    return NextResponse.redirect(signIn, 303);
  }
  const { format, part } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
  const data = await collectAccountData(db, user.id);
  if (!data) return new NextResponse('Account not found.\n', { status: 404 });
  const day = data.exportedAt.slice(0, 10);
  const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  if (format === 'csv') {
    return new NextResponse(accountDataCsv(data, part), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="my-${part}-${day}.csv"` },
    });
  }
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="my-data-${day}.json"` },
  });
}
