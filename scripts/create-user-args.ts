// Pure half of `npm run user:create`: turns argv (plus whether stdin is a terminal) into a validated
// request, and checks a password typed at the prompt. No I/O, so every refusal is unit-tested.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { email as emailSchema, password as passwordSchema, signUpSchema } from '../lib/validations/auth';

export const ROLES = ['learner', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export const USAGE = [
  'Usage: npm run user:create -- --email you@example.com [--role learner|instructor] [--name "Your Name"]',
  '                              [--password ... | --generate-password]',
  '',
  'Creates the user, or updates the password (and the name or role, when given) of an existing email.',
  '  --role               learner or instructor (default: kept for an existing user, else learner)',
  '  --name               display name (default: kept for an existing user, else the part of the email before @)',
  '  --password           use this password (it stays in your shell history; prefer the prompt)',
  '  --generate-password  generate a strong password and print it once, even at a terminal',
  'Without either, you are asked for the password twice at a terminal; elsewhere (CI) one is generated and printed once.',
].join('\n');

/** Where the password comes from; only a generated one is ever printed. */
export type PasswordSource = { kind: 'given'; password: string } | { kind: 'prompt' } | { kind: 'generate' };

export interface CreateUserRequest {
  email: string;
  /** Undefined when --name was not given: keep an existing user's name, or derive one from the email. */
  name: string | undefined;
  /** Undefined when --role was not given: keep an existing user's role, or make a learner. */
  role: Role | undefined;
  password: PasswordSource;
}

export type ParsedCreateUserArgs =
  | { kind: 'ok'; request: CreateUserRequest }
  | { kind: 'help'; text: string }
  /** 2: the command line is malformed (usage follows); 1: a value was refused (the schema's message). */
  | { kind: 'error'; exitCode: 1 | 2; message: string };

function usageError(problem: string): ParsedCreateUserArgs {
  return { kind: 'error', exitCode: 2, message: `${problem}\n\n${USAGE}` };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function parseCreateUserArgs(
  argv: readonly string[],
  context: { stdinIsTTY: boolean },
): ParsedCreateUserArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        'generate-password': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // node:util parseArgs throws TypeErrors with readable messages for unknown flags and missing values.
    return usageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) return { kind: 'help', text: USAGE };

  const role = values.role;
  if (role !== undefined && !isRole(role)) return usageError(`Unknown role "${role}": use learner or instructor.`);
  if (values.email === undefined) return usageError('Missing --email.');
  if (values.password !== undefined && values['generate-password']) {
    return usageError('Give either --password or --generate-password, not both.');
  }

  const email = emailSchema.safeParse(values.email);
  if (!email.success) return refused(email.error);
  let name: string | undefined;
  if (values.name !== undefined) {
    const parsed = signUpSchema.shape.name.safeParse(values.name);
    if (!parsed.success) return refused(parsed.error);
    name = parsed.data;
  }

  let password: PasswordSource;
  if (values.password !== undefined) {
    const parsed = passwordSchema.safeParse(values.password);
    if (!parsed.success) return refused(parsed.error);
    password = { kind: 'given', password: parsed.data };
  } else if (values['generate-password'] || !context.stdinIsTTY) {
    password = { kind: 'generate' };
  } else {
    password = { kind: 'prompt' };
  }
  return { kind: 'ok', request: { email: email.data, name, role, password } };
}

function refused(error: { issues: readonly { message: string }[] }): ParsedCreateUserArgs {
  return { kind: 'error', exitCode: 1, message: error.issues[0]?.message ?? 'Invalid value.' };
}

/** The password typed at the prompt, or the reason to refuse it. The same rule as the sign-up form. */
export function checkTypedPassword(
  first: string,
  confirmation: string,
): { ok: true; password: string } | { ok: false; message: string } {
  const parsed = passwordSchema.safeParse(first);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid password.' };
  if (first !== confirmation) return { ok: false, message: 'The two passwords do not match.' };
  return { ok: true, password: parsed.data };
}

/** 18 random bytes: 24 URL-safe characters, 144 bits; easy to copy, no shell-special characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Name for a new user created without --name: the part of the email before the @. */
export function defaultName(email: string): string {
  return email.split('@')[0] || email;
}
