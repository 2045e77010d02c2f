// The one place that reads process.env: validated with zod so a bad value stops the app with a clear message.
import { z } from 'zod';
import { parseTrustProxy } from '@/lib/auth/client-address';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .default('file:./data/app.db')
      .refine((v) => v.startsWith('file:'), {
        message: 'must be a SQLite URL like file:./data/app.db (PostgreSQL support is not built yet)',
      }),
    /** "demo" seeds known demo accounts; "production" never does. */
    APP_MODE: z.enum(['demo', 'production']).default('demo'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (run `npm run setup` to generate one)').optional(),
    NEXTAUTH_URL: z.url().default('http://localhost:3000'),
    CONTENT_DIR: z.string().default('./content'),
    /** Proxies in front of the app: "" (none: the socket address), "1" (or N hops), or a comma list of IPs/CIDRs. */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        try {
          return parseTrustProxy(v);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return z.NEVER;
        }
      }),
    /** Set by scripts/serve.ts in its own process: proves the x-app-peer header was written by our server. */
    APP_PEER_TOKEN: optionalText,
    /** New accounts allowed per client address per hour. */
    SIGN_UP_LIMIT: z.coerce.number().int().min(1).default(5),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    GOOGLE_ID: optionalText,
    GOOGLE_SECRET: optionalText,
    EMAIL_SERVER: optionalText,
    EMAIL_FROM: optionalText,
    LLM_BASE_URL: optionalText,
    LLM_API_KEY: optionalText,
    LLM_MODEL: optionalText,
  })
  .superRefine((e, ctx) => {
    const pairs: [keyof typeof e, keyof typeof e][] = [
      ['GITHUB_ID', 'GITHUB_SECRET'],
      ['GOOGLE_ID', 'GOOGLE_SECRET'],
      ['EMAIL_SERVER', 'EMAIL_FROM'],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(e[a]) !== Boolean(e[b])) {
        ctx.addIssue({ code: 'custom', path: [e[a] ? b : a], message: `set both ${a} and ${b}, or neither` });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The auth secret; required wherever sessions are signed. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) {
    throw new Error('NEXTAUTH_SECRET is not set. Run `npm run setup` (writes .env.local) or set it in the environment.');
  }
  return secret;
}

/** Absolute path of the SQLite file named by DATABASE_URL. */
export function sqliteFilePath(url: string = env().DATABASE_URL): string {
  const raw = url.replace(/^file:/, '').split('?')[0] ?? '';
  return raw.startsWith('/') ? raw : `${process.cwd()}/${raw.replace(/^\.\//, '')}`;
}
