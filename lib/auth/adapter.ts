// A minimal next-auth adapter over Prisma: only what OAuth account linking and email magic links need
// (sessions are JWTs, so no session table).
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import type { Db } from '@/lib/db';

type UserRow = { id: string; email: string; name: string; emailVerified: Date | null; image: string | null };

function toAdapterUser(u: UserRow): AdapterUser {
  return { id: u.id, email: u.email, name: u.name, emailVerified: u.emailVerified, image: u.image };
}

export function prismaAdapter(db: Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const email = user.email.toLowerCase();
      const created = await db.user.create({
        data: {
          email,
          name: user.name?.trim() || email.split('@')[0] || 'Learner',
          emailVerified: user.emailVerified,
          image: user.image ?? null,
          role: 'learner',
        },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async updateUser(user) {
      const u = await db.user.update({
        where: { id: user.id },
        data: {
          ...(user.name ? { name: user.name } : {}),
          ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
          ...(user.image !== undefined ? { image: user.image } : {}),
        },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === 'string' ? account.session_state : null,
        },
      });
    },
    async createVerificationToken(token) {
      await db.verificationToken.create({ data: token });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      try {
        return await db.verificationToken.delete({ where: { identifier_token: { identifier, token } } });
      } catch {
        return null; // already used or never existed
      }
    },
  };
}
