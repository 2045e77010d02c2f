// next-auth configuration: email + password always; GitHub, Google and email links when configured in env.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import EmailProvider from 'next-auth/providers/email';
import { db } from '@/lib/db';
import { env, authSecret } from '@/lib/env';
import { prismaAdapter } from './adapter';
import { verifyPassword, burnPasswordCheck } from './password';
import { checkThrottle, recordFailure, clearThrottle, throttleKeys } from './rate-limit';
import { signInSchema } from '@/lib/validations/auth';

/** Messages the sign-in form shows; next-auth passes a thrown error's message back as `error`. */
export const SIGN_IN_ERRORS = {
  invalid: 'Incorrect email or password.',
  throttledPrefix: 'Too many sign-in attempts.',
} as const;

export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const raw = headers?.['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '';
  const hops = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return null;
  // Behind a trusted proxy the client is the first hop; otherwise only the hop Next.js itself added is trustworthy.
  return (env().TRUST_PROXY ? hops[0] : hops[hops.length - 1]) ?? null;
}

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
        const now = new Date();
        const keys = throttleKeys(email, clientIp(req.headers));
        const throttle = await checkThrottle(db, keys, now);
        if (!throttle.allowed) {
          throw new Error(`${SIGN_IN_ERRORS.throttledPrefix} Try again in ${throttle.retryAfterSeconds} seconds.`);
        }
        const user = await db.user.findUnique({ where: { email } });
        const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
        if (!user || !ok) {
          await recordFailure(db, keys, now);
          throw new Error(SIGN_IN_ERRORS.invalid);
        }
        await clearThrottle(db, keys[0]!);
        return { id: user.id, email: user.email, name: user.name };
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
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin', verifyRequest: '/signin?check-email=1' },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // Role is read from the database at sign-in; pages re-read the user on every request anyway.
          const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
          token.sub = user.id;
          token.role = row?.role ?? 'learner';
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.role = typeof token.role === 'string' ? token.role : 'learner';
        }
        return session;
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
