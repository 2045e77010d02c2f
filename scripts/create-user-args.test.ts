import { describe, expect, it } from 'vitest';
import {
  checkTypedPassword,
  defaultName,
  generatePassword,
  parseCreateUserArgs,
  type ParsedCreateUserArgs,
} from './create-user-args';
import { password as passwordSchema } from '@/lib/validations/auth';

const tty = { stdinIsTTY: true };
const ci = { stdinIsTTY: false };

function ok(result: ParsedCreateUserArgs) {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.request;
}

function error(result: ParsedCreateUserArgs) {
  if (result.kind !== 'error') throw new Error(`expected error, got ${JSON.stringify(result)}`);
  return result;
}

describe('parseCreateUserArgs', () => {
  it('leaves role and name open (kept for an existing user) and prompts at a terminal', () => {
    expect(ok(parseCreateUserArgs(['--email', 'ada@example.com'], tty))).toEqual({
      email: 'ada@example.com',
      name: undefined,
      role: undefined,
      password: { kind: 'prompt' },
    });
  });

  it('generates the password when stdin is not a terminal (CI)', () => {
    expect(ok(parseCreateUserArgs(['--email', 'ada@example.com'], ci)).password).toEqual({ kind: 'generate' });
  });

  it('--generate-password forces generation even at a terminal', () => {
    expect(ok(parseCreateUserArgs(['--email', 'a@b.co', '--generate-password'], tty)).password).toEqual({
      kind: 'generate',
    });
  });

  it('uses --password as given, at a terminal or not', () => {
    for (const context of [tty, ci]) {
      const request = ok(parseCreateUserArgs(['--email', 'a@b.co', '--password', 'long enough pw'], context));
      expect(request.password).toEqual({ kind: 'given', password: 'long enough pw' });
    }
  });

  it('accepts both roles, --flag=value form and a name, and normalises the email like sign-up does', () => {
    const request = ok(
      parseCreateUserArgs(['--role=instructor', '--email', '  Ada@Example.COM ', '--name', ' Ada Lovelace '], ci),
    );
    expect(request).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', role: 'instructor' });
    expect(ok(parseCreateUserArgs(['--role', 'learner', '--email', 'a@b.co'], ci)).role).toBe('learner');
  });

  it('the last --role wins, so the create-instructor wrapper can be overridden', () => {
    const argv = ['--role', 'instructor', '--email', 'a@b.co', '--role', 'learner'];
    expect(ok(parseCreateUserArgs(argv, ci)).role).toBe('learner');
  });

  it('refuses an unknown role with usage and exit code 2', () => {
    for (const role of ['admin', 'Instructor', '']) {
      const result = error(parseCreateUserArgs(['--email', 'a@b.co', '--role', role], ci));
      expect(result.exitCode).toBe(2);
      expect(result.message).toContain(`Unknown role "${role}": use learner or instructor.`);
      expect(result.message).toContain('Usage: npm run user:create');
    }
  });

  it('refuses a missing email with usage and exit code 2', () => {
    const result = error(parseCreateUserArgs(['--role', 'instructor'], ci));
    expect(result.exitCode).toBe(2);
    expect(result.message).toMatch(/^Missing --email\./);
    expect(result.message).toContain('Usage:');
  });

  it('refuses unknown flags, positionals and a flag without its value with exit code 2', () => {
    for (const argv of [
      ['--email', 'a@b.co', '--admin'],
      ['--email', 'a@b.co', 'extra'],
      ['--email'],
      ['--email', 'a@b.co', '--generate-password=yes'],
    ]) {
      const result = error(parseCreateUserArgs(argv, ci));
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.message).toContain('Usage:');
    }
  });

  it('refuses --password together with --generate-password', () => {
    const result = error(parseCreateUserArgs(['--email', 'a@b.co', '--password', 'long enough pw', '--generate-password'], tty));
    expect(result.exitCode).toBe(2);
    expect(result.message).toMatch(/either --password or --generate-password/);
  });

  it('refuses a bad email with the sign-up schema message and exit code 1', () => {
    expect(error(parseCreateUserArgs(['--email', 'not-an-email'], ci))).toEqual({
      kind: 'error',
      exitCode: 1,
      message: 'Enter a valid email address, like name@example.com.',
    });
    expect(error(parseCreateUserArgs(['--email', '   '], ci)).message).toBe('Enter your email address.');
  });

  it('refuses a short --password with the schema message, without repeating the password', () => {
    const result = error(parseCreateUserArgs(['--email', 'a@b.co', '--password', 'short'], ci));
    expect(result).toEqual({ kind: 'error', exitCode: 1, message: 'Use at least 8 characters.' });
    expect(result.message).not.toContain('short');
  });

  it('refuses a blank --name with the sign-up message', () => {
    expect(error(parseCreateUserArgs(['--email', 'a@b.co', '--name', '  '], ci))).toMatchObject({
      exitCode: 1,
      message: 'Enter your name.',
    });
  });

  it('answers --help and -h with the usage', () => {
    for (const flag of ['--help', '-h']) {
      const result = parseCreateUserArgs([flag], ci);
      expect(result.kind).toBe('help');
      if (result.kind === 'help') expect(result.text).toContain('--generate-password');
    }
  });
});

describe('checkTypedPassword', () => {
  it('accepts two matching passwords that pass the sign-up rule', () => {
    expect(checkTypedPassword('correct horse', 'correct horse')).toEqual({ ok: true, password: 'correct horse' });
  });

  it('refuses a password that is too short with the schema message, even when both match', () => {
    expect(checkTypedPassword('short', 'short')).toEqual({ ok: false, message: 'Use at least 8 characters.' });
    expect(checkTypedPassword('', '')).toEqual({ ok: false, message: 'Use at least 8 characters.' });
  });

  it('refuses two different passwords without showing either', () => {
    const result = checkTypedPassword('correct horse', 'correct hose');
    expect(result).toEqual({ ok: false, message: 'The two passwords do not match.' });
  });
});

describe('generatePassword', () => {
  it('makes distinct URL-safe passwords that the sign-up password rule accepts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const password = generatePassword();
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(passwordSchema.safeParse(password).success).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(100);
  });
});

describe('defaultName', () => {
  it('is the part of the email before the @', () => {
    expect(defaultName('ada.lovelace@example.com')).toBe('ada.lovelace');
  });
});
