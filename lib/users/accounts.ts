// Creating accounts outside the sign-up form: instructors (CLI) and the demo accounts (seed).
import type { Db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { email as emailSchema, password as passwordSchema } from '@/lib/validations/auth';

export const DEMO_ACCOUNTS = [
  { role: 'instructor', name: 'Ada Instructor', email: 'instructor@example.com', password: 'instructor-demo' },
  { role: 'learner', name: 'Lee Learner', email: 'learner@example.com', password: 'learner-demo' },
] as const;

/** Creates the user, or updates name, role and password if the email exists. */
export async function upsertUserWithPassword(
  db: Db,
  input: { email: string; name: string; password: string; role: 'learner' | 'instructor' },
): Promise<{ id: string; created: boolean }> {
  const email = emailSchema.parse(input.email);
  const password = passwordSchema.parse(input.password);
  const passwordHash = await hashPassword(password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { name: input.name, role: input.role, passwordHash } });
    return { id: existing.id, created: false };
  }
  const user = await db.user.create({ data: { email, name: input.name, role: input.role, passwordHash } });
  return { id: user.id, created: true };
}

export function formatDemoAccounts(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)}  ${a.email.padEnd(24)}  ${a.password}`);
  return ['Demo accounts (demo mode only):', `  ${'role'.padEnd(10)}  ${'email'.padEnd(24)}  password`, ...rows].join('\n');
}
