// next-auth configuration: email + password always; GitHub, Google and email links when configured in env.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import EmailProvider from 'next-auth/providers/email';
import { db } from '@/lib/db';
import { env, authSecret } from '@/lib/env';
import { prismaAdapter } from './adapter';
import { checkCredentials, SIGN_IN_ERRORS } from './sign-in';
import { requestAddress } from './request-address';
import { signInSchema } from '@/lib/validations/auth';
import { endSession, SESSION_MAX_AGE_S, sessionIsActive, startSession } from './user-sessions';

export { SIGN_IN_ERRORS };

export function enabledOAuthProviders(): { id: string; name: string }[] {
  const e = env();
  const list: { id: string; name: string }[] = [];
  if (e.GITHUB_ID) list.push({ id: 'github', name: 'GitHub' });
  if (e.GOOGLE_ID) list.push({ id: 'google', name: 'Google' });
  if (e.EMAIL_SERVER) list.push({ id: 'email', name: 'Email link' });
  return list;
}

export function buildAuthOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
        const { email, password } = parsed.data;
        const outcome = await checkCredentials(db, email, password, requestAddress(req.headers), new Date());
        if (!outcome.ok) throw new Error(outcome.error);
        const userAgent = req.headers?.['user-agent'];
        return { ...outcome.user, userAgent: typeof userAgent === 'string' ? userAgent : null };
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  if (e.EMAIL_SERVER && e.EMAIL_FROM) providers.push(EmailProvider({ server: e.EMAIL_SERVER, from: e.EMAIL_FROM }));

  return {
    adapter: prismaAdapter(db),
    providers,
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin', verifyRequest: '/signin?check-email=1' },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // Role is read from the database at sign-in; pages re-read the user on every request anyway.
          const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
          token.sub = user.id;
          token.role = row?.role ?? 'learner';
          const userAgent = 'userAgent' in user && typeof user.userAgent === 'string' ? user.userAgent : null;
          token.sid = await startSession(db, user.id, new Date(), userAgent);
        }
        return token;
      },
      // Runs for every server-side session read and /api/auth/session: a cookie whose session has ended is
      // signed out here, whatever page or action asked.
      async session({ session, token }) {
        if (!token.sub || !(await sessionIsActive(db, token.sid, token.sub, new Date()))) {
          return { expires: session.expires };
        }
        if (session.user) {
          session.user.id = token.sub;
          session.user.role = typeof token.role === 'string' ? token.role : 'learner';
        }
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(db, token?.sid, new Date());
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
