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
      .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v), {
        message: 'must be a SQLite URL like file:./data/app.db or a PostgreSQL URL like postgresql://user:password@host:5432/dbname',
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
    /** Optional LLM card generation (off unless set): an OpenAI-compatible base URL, e.g. http://localhost:11434/v1. */
    CARDS_LLM_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL like http://localhost:11434/v1' }).optional()),
    CARDS_LLM_MODEL: optionalText,
    CARDS_LLM_KEY: optionalText,
    CARDS_LLM_TIMEOUT_MS: optionalText
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(
        z
          .number({ error: 'must be a number of milliseconds' })
          .int('must be a whole number of milliseconds')
          .min(1000, 'must be at least 1000 (ms)')
          .max(3_600_000, 'must be at most 3600000 (ms)')
          .default(120_000),
      ),
    CARDS_LLM_CACHE_DIR: optionalText.transform((v) => v ?? '.cache/cards-llm'),
  })
  .superRefine((e, ctx) => {
    const pairs: [keyof typeof e, keyof typeof e][] = [
      ['GITHUB_ID', 'GITHUB_SECRET'],
      ['GOOGLE_ID', 'GOOGLE_SECRET'],
      ['EMAIL_SERVER', 'EMAIL_FROM'],
    ];
    if (Boolean(e.CARDS_LLM_URL) !== Boolean(e.CARDS_LLM_MODEL)) {
      ctx.addIssue({ code: 'custom', path: [e.CARDS_LLM_URL ? 'CARDS_LLM_MODEL' : 'CARDS_LLM_URL'], message: 'set both CARDS_LLM_URL and CARDS_LLM_MODEL, or neither' });
    }
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

/** Session cookies carry next-auth's `__Secure-` name when the app is served over https (NEXTAUTH_URL). */
export function secureSessionCookie(): boolean {
  return env().NEXTAUTH_URL.startsWith('https://');
}

export interface CardsLlmConfig {
  url: string;
  model: string;
  key?: string;
  timeoutMs: number;
  cacheDir: string;
}

/** The LLM card generator's settings, or null when it is off (the default: CARDS_LLM_URL unset). */
export function cardsLlmConfig(e: Env = env()): CardsLlmConfig | null {
  if (!e.CARDS_LLM_URL || !e.CARDS_LLM_MODEL) return null;
  return {
    url: e.CARDS_LLM_URL,
    model: e.CARDS_LLM_MODEL,
    ...(e.CARDS_LLM_KEY ? { key: e.CARDS_LLM_KEY } : {}),
    timeoutMs: e.CARDS_LLM_TIMEOUT_MS,
    cacheDir: e.CARDS_LLM_CACHE_DIR,
  };
}

/** Absolute path of the SQLite file named by DATABASE_URL. */
export function sqliteFilePath(url: string = env().DATABASE_URL): string {
  const raw = url.replace(/^file:/, '').split('?')[0] ?? '';
  return raw.startsWith('/') ? raw : `${process.cwd()}/${raw.replace(/^\.\//, '')}`;
}
