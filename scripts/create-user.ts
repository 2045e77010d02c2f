// `npm run user:create -- --email a@b.c [--role learner|instructor] [--name "Ada"] [--password ... | --generate-password]`
// creates a user (a learner unless --role says otherwise), or updates the password of an existing email, and its
// name or role when given. Operators only: no web route does this.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { loadLocalEnv } from './load-env';
import { checkTypedPassword, defaultName, generatePassword, parseCreateUserArgs } from './create-user-args';

const parsed = parseCreateUserArgs(process.argv.slice(2), { stdinIsTTY: Boolean(process.stdin.isTTY) });
if (parsed.kind === 'help') {
  console.log(parsed.text);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(parsed.message);
  process.exit(parsed.exitCode);
}
const request = parsed.request;

loadLocalEnv();
// Imported after loadLocalEnv: lib/db reads DATABASE_URL when it loads. Before the prompt, so a bad env fails fast.
const { createDb } = await import('../lib/db');
const { upsertUserWithPassword } = await import('../lib/users/accounts');

/**
 * Asks each question on stderr and reads the answers without echoing them: readline draws into a muted
 * stream while it holds the terminal in raw mode, so the typed characters never reach the screen.
 */
async function askHidden(questions: readonly string[]): Promise<string[]> {
  const muted = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true, historySize: 0 });
  // In raw mode Ctrl+C reaches readline, not the process; without this it would only pause the prompt.
  rl.on('SIGINT', () => {
    rl.close();
    process.stderr.write('\n');
    process.exit(130);
  });
  try {
    const answers: string[] = [];
    for (const question of questions) {
      process.stderr.write(question);
      answers.push(await rl.question(''));
      process.stderr.write('\n');
    }
    return answers;
  } finally {
    rl.close();
  }
}

let password: string;
if (request.password.kind === 'given') {
  password = request.password.password;
} else if (request.password.kind === 'generate') {
  password = generatePassword();
} else {
  const [first = '', confirmation = ''] = await askHidden([`Password for ${request.email}: `, 'Same password again: ']);
  const typed = checkTypedPassword(first, confirmation);
  if (!typed.ok) {
    console.error(typed.message);
    process.exit(1);
  }
  password = typed.password;
}

const db = createDb();
try {
  // An existing user keeps their name and role unless --name or --role says otherwise.
  const existing = await db.user.findUnique({ where: { email: request.email }, select: { name: true, role: true } });
  const name = request.name ?? existing?.name ?? defaultName(request.email);
  const role = request.role ?? (existing?.role === 'instructor' ? 'instructor' : 'learner');
  const result = await upsertUserWithPassword(db, { email: request.email, name, password, role });
  console.log(`${result.created ? 'Created' : 'Updated'} ${role} ${request.email} (${name}).`);
  // Only a password this script made up is shown, once; one the operator typed or passed is never echoed.
  if (request.password.kind === 'generate') console.log(`Generated password (shown once, store it now): ${password}`);
} catch (e) {
  console.error(`Could not create the user: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
