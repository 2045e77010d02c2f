// `npm run test:two-nodes`: two production app processes (the built .next, via scripts/serve.ts) on one PostgreSQL
// behind a round-robin proxy (scripts/http/proxy.ts), driven over real HTTP as browsers drive them. Checks that a
// session made on node A works on node B, a grade on A shows on B's class dashboard at once, the sign-in rate limit
// holds across both nodes, and a node killed with SIGKILL mid-review loses no acknowledged grade while the learners
// go on through the other node. Run by scripts/test-all.sh after the build; needs PostgreSQL (a throwaway initdb
// cluster, or TEST_POSTGRES_URL) and exits 0 with "SKIPPED" when there is none.
// Env: TWO_NODES_PORT (node A; B is +1, the proxy +2; default 3103).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createDatabase, dropDatabase, postgresAvailable, startPostgres } from './db/pg-server';
import { applyMigrations } from './db/schema-engine';
import { startProxy } from './http/proxy';
import { Browser, type ReviewOp } from './http/app-client';

const started = performance.now();
const PORT_A = Number(process.env.TWO_NODES_PORT ?? 3103);
const PORT_B = PORT_A + 1;
const PORT_PROXY = PORT_A + 2;
const HOST = '127.0.0.1';
const nodeUrl = (port: number) => `http://${HOST}:${port}`;
const A = nodeUrl(PORT_A);
const B = nodeUrl(PORT_B);
const DEMO_LEARNER = { email: 'learner@example.com', password: 'learner-demo', name: 'Lee Learner' };
const DEMO_INSTRUCTOR = { email: 'instructor@example.com', password: 'instructor-demo' };
const BURST_LEARNERS = 3;
const KILL_AFTER_ACKS = 3 * BURST_LEARNERS;
const AFTER_KILL_ACKS = 3;

if (!postgresAvailable()) {
  console.log('two-node test SKIPPED: no PostgreSQL here (apt-get install postgresql, or set TEST_POSTGRES_URL)');
  process.exit(0);
}
if (!existsSync('.next/BUILD_ID')) {
  console.error('two-node test: no production build (.next); run `NODE_ENV=production npx next build` first');
  process.exit(1);
}

let passed = 0;
let failed = 0;
async function check(name: string, fn: () => Promise<string | void>): Promise<void> {
  const t = performance.now();
  try {
    const note = await fn();
    passed++;
    console.log(`  ✓ ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n      ${e instanceof Error ? e.message : String(e)}`);
  }
}
function expect(cond: boolean, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
/** The fields of one CSV record (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
}
/** Runs a script under tsx without blocking the event loop (the app nodes' output keeps being read). */
function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pg = await startPostgres();
const dbName = `two_nodes_${process.pid}`;
const nodes: { name: string; child: ChildProcess; log: string[] }[] = [];
let proxyClose: (() => Promise<void>) | null = null;
let exitCode = 1;
try {
  const url = await createDatabase(pg.url, dbName);
  const secret = `two-nodes-only-secret-${randomUUID()}`;
  const proxyUrl = nodeUrl(PORT_PROXY);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    APP_MODE: 'demo',
    DATABASE_URL: url,
    NEXTAUTH_URL: proxyUrl,
    NEXTAUTH_SECRET: secret,
    TRUST_PROXY: '1',
    HOSTNAME: HOST,
  };
  Object.assign(process.env, { DATABASE_URL: url, APP_MODE: 'demo', NEXTAUTH_SECRET: secret });

  // One database, migrated and seeded with the demo (course, accounts, a class with the demo learner in it).
  let t = performance.now();
  await applyMigrations(url);
  // Two app processes (node --import tsx: one process each, so SIGKILL takes the whole node), started while the
  // demo is seeded (nothing is served before both are up).
  for (const [name, port] of [['A', PORT_A], ['B', PORT_B]] as const) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env: { ...appEnv, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    child.stdout!.on('data', (c: Buffer) => log.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    nodes.push({ name, child, log });
  }
  for (const script of ['scripts/content-sync.ts', 'prisma/seed.ts']) {
    const r = await run(script, appEnv);
    if (r.code !== 0) throw new Error(`${script} failed:\n${r.output}`);
  }
  const { createDb } = await import('../lib/db');
  const { upsertUserWithPassword } = await import('../lib/users/accounts');
  const { joinClass } = await import('../lib/classes/service');
  const db = createDb(url);
  const demoClass = await db.class.findFirstOrThrow({ where: { name: 'Demo class' }, select: { id: true, joinCode: true } });
  const burst = Array.from({ length: BURST_LEARNERS }, (_, i) => ({ email: `burst${i}@example.com`, password: 'burst-learner-demo', name: `Burst ${i}` }));
  for (const who of [...burst, { email: 'limited@example.com', password: 'limited-learner-demo', name: 'Limited' }]) {
    const { id } = await upsertUserWithPassword(db, { ...who, role: 'learner' });
    if (who.email.startsWith('burst')) {
      const joined = await joinClass(db, id, demoClass.joinCode, new Date());
      if (!joined.ok) throw new Error(joined.error);
    }
  }
  console.log(`two-node test: PostgreSQL database migrated and seeded, nodes starting meanwhile (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  t = performance.now();

  const proxy = await startProxy([{ port: PORT_A }, { port: PORT_B }], PORT_PROXY, HOST);
  proxyClose = proxy.close;
  for (const [i, base] of [A, B].entries()) {
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${base}/api/auth/providers`).catch(() => null);
      if (res?.ok) break;
      if (nodes[i]!.child.exitCode !== null || tries > 600) throw new Error(`node ${nodes[i]!.name} did not start:\n${nodes[i]!.log.join('')}`);
      await sleep(200);
    }
  }
  console.log(`two-node test: nodes A (:${PORT_A}) and B (:${PORT_B}) up behind the proxy (:${PORT_PROXY}) (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const learner = new Browser(A, '127.0.0.2');
  await check('a session made through node A works on node B', async () => {
    await learner.signIn(DEMO_LEARNER.email, DEMO_LEARNER.password);
    const onB = await learner.request('GET', '/home', { base: B });
    // React separates text parts with <!-- --> in server-rendered HTML.
    expect(onB.status === 200 && onB.text.replace(/<!-- -->/g, '').includes(`Welcome, ${DEMO_LEARNER.name}`), `GET /home on B with A's session: HTTP ${onB.status}, no welcome heading`);
    const stranger = await new Browser(B, '127.0.0.2').request('GET', '/home');
    expect(stranger.status !== 200 && /signin/.test(String(stranger.headers.location ?? '')), `GET /home on B without a session: HTTP ${stranger.status} ${String(stranger.headers.location ?? '')}`);
    const review = await learner.review('refresh', undefined, B);
    expect(review.ok && Boolean(review.snapshot?.card), `the review screen on B with A's session: ${JSON.stringify(review).slice(0, 200)}`);
  });

  await check("a grade on node A shows on node B's class dashboard at once", async () => {
    const instructor = new Browser(B, '127.0.0.3');
    await instructor.signIn(DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
    const csv = async () => {
      const res = await instructor.request('GET', `/teach/classes/${demoClass.id}/progress.csv`);
      expect(res.status === 200, `progress.csv on B: HTTP ${res.status}`);
      const row = res.text.split('\r\n').find((line) => line.includes(DEMO_LEARNER.email));
      expect(Boolean(row), `no row for ${DEMO_LEARNER.email} in the CSV`);
      return Number(csvFields(row!)[9]); // reviews in the last 7 days
    };
    const page = await instructor.request('GET', `/teach/classes/${demoClass.id}`);
    expect(page.status === 200 && page.text.includes(DEMO_LEARNER.name), `the class dashboard on B: HTTP ${page.status}`);
    const before = await csv();
    await csv(); // B has the figures cached now
    const shown = await learner.review('refresh', undefined, A);
    const card = shown.snapshot?.card;
    expect(Boolean(card), 'node A shows the learner no card');
    const graded = await learner.review('grade', { cardId: card!.id, rating: 3, clientId: randomUUID(), version: card!.version, durationMs: 2000 }, A);
    expect(graded.ok, `grade on A refused: ${graded.error}`);
    const after = await csv();
    expect(after === before + 1, `B's dashboard shows ${after} reviews in 7 days after the grade on A (was ${before})`);
    return `reviews in 7 days ${before} → ${after}`;
  });

  await check('the sign-in rate limit holds across both nodes', async () => {
    const { PAIR_LIMIT } = await import('../lib/auth/rate-limit');
    const { SIGN_IN_ERRORS } = await import('../lib/auth/sign-in');
    const attempts = 3 * PAIR_LIMIT;
    // One client address (127.0.0.5, passed on by the proxy in X-Forwarded-For), wrong passwords all at once.
    const browsers = Array.from({ length: attempts }, () => new Browser(proxyUrl, '127.0.0.5'));
    const tokens = await Promise.all(browsers.map((b) => b.csrfToken()));
    const servedBefore = [...proxy.served];
    const outcomes = await Promise.all(browsers.map((b, i) => b.postCredentials('limited@example.com', `wrong-password-${i}`, tokens[i]!)));
    const wrong = outcomes.filter((o) => o === SIGN_IN_ERRORS.invalid).length;
    const throttled = outcomes.filter((o) => o?.startsWith(SIGN_IN_ERRORS.throttledPrefix)).length;
    const perNode = proxy.served.map((n, i) => n - servedBefore[i]!);
    expect(perNode.every((n) => n > 0), `the attempts did not reach both nodes: ${perNode.join(' / ')}`);
    expect(wrong + throttled === attempts, `unexpected answers: ${JSON.stringify(outcomes)}`);
    expect(wrong === PAIR_LIMIT, `${wrong} wrong-password checks ran (limit ${PAIR_LIMIT}); ${throttled} throttled`);
    // The right password from that address is refused too; from another address it works.
    const same = new Browser(proxyUrl, '127.0.0.5');
    const refused = await same.postCredentials('limited@example.com', 'limited-learner-demo', await same.csrfToken());
    expect(Boolean(refused?.startsWith(SIGN_IN_ERRORS.throttledPrefix)), `right password from the limited address: ${refused ?? 'signed in'}`);
    await new Browser(proxyUrl, '127.0.0.6').signIn('limited@example.com', 'limited-learner-demo');
    return `${attempts} parallel attempts (requests per node ${perNode.join(' / ')}): ${wrong} checked, ${throttled} throttled`;
  });

  await check('a node killed with SIGKILL mid-review loses no acknowledged grade; the learners go on on the other node', async () => {
    const acked = new Map<string, { learner: number; afterKill: boolean }>();
    let killed = false;
    let cutOff = 0;
    const killA = () => {
      killed = true;
      nodes[0]!.child.kill('SIGKILL');
    };
    const afterKill = burst.map(() => 0);
    const learners = await Promise.all(burst.map(async (who) => {
      const b = new Browser(proxyUrl, '127.0.0.7');
      await b.signIn(who.email, who.password);
      return b;
    }));
    /** Posts until the server answers (a node cut off mid-request gives 502 or a reset: the same grade again). */
    const untilAnswered = async (b: Browser, op: ReviewOp, arg?: unknown) => {
      for (let tries = 0; ; tries++) {
        try {
          return await b.review(op, arg);
        } catch (e) {
          cutOff++;
          if (tries >= 20) throw e;
          await sleep(100);
        }
      }
    };
    const deadline = performance.now() + 60_000;
    await Promise.all(learners.map(async (b, i) => {
      let card = (await untilAnswered(b, 'refresh')).snapshot?.card ?? null;
      while (card && afterKill[i]! < AFTER_KILL_ACKS && performance.now() < deadline) {
        const clientId = randomUUID();
        const res = await untilAnswered(b, 'grade', { cardId: card.id, rating: 3, clientId, version: card.version, durationMs: 1500 });
        if (!res.ok) throw new Error(`learner ${i}: grade refused: ${res.error}`);
        acked.set(clientId, { learner: i, afterKill: killed });
        if (killed) afterKill[i]!++;
        if (!killed && acked.size >= KILL_AFTER_ACKS) killA();
        card = res.snapshot?.card ?? null;
      }
    }));
    expect(killed, `node A was never killed (${acked.size} grades acknowledged)`);
    const userIds = (await db.user.findMany({ where: { email: { in: burst.map((w) => w.email) } }, select: { id: true } })).map((u) => u.id);
    const logs = await db.reviewLog.findMany({ where: { userId: { in: userIds } }, select: { clientId: true } });
    const perClient = new Map<string, number>();
    for (const l of logs) perClient.set(l.clientId ?? '', (perClient.get(l.clientId ?? '') ?? 0) + 1);
    const missing = [...acked.keys()].filter((id) => perClient.get(id) !== 1);
    expect(missing.length === 0, `${missing.length} acknowledged grades are not in the review log exactly once`);
    expect(logs.length === acked.size, `${logs.length} review log entries for ${acked.size} acknowledged grades`);
    expect(afterKill.every((n) => n === AFTER_KILL_ACKS), `grades acknowledged after the kill, per learner: ${afterKill.join(', ')}`);
    return `${acked.size} grades acknowledged (${afterKill.reduce((a, b) => a + b, 0)} after the kill), ${cutOff} requests cut off and sent again, ${logs.length} log entries`;
  });

  await db.$disconnect();
  exitCode = failed === 0 ? 0 : 1;
} catch (e) {
  console.error(`two-node test: setup failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  for (const n of nodes) console.error(`--- node ${n.name} log:\n${n.log.join('').slice(-4000)}`);
  failed++;
} finally {
  for (const n of nodes) if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
  await Promise.all(nodes.map((n) => (n.child.exitCode === null && n.child.signalCode === null ? new Promise((r) => n.child.once('exit', r)) : null)));
  await proxyClose?.();
  await dropDatabase(pg.url, dbName).catch(() => {});
  await pg.stop();
}
console.log(`two-node test: ${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exit(exitCode);
