// `npm run bench:http`: the review loop measured from outside, through the production server over HTTP.
// Seeds a database (1,000 learners, 5,000 cards, ~1,000,000 past reviews), starts the production build on its own
// port (127.0.0.1 only), signs learners in with real next-auth session cookies (JWTs minted with next-auth's own
// `encode` and the server's secret, scripts/http/app-client.ts) and sends the review screen's own requests
// (POST /api/review/<op>, lib/review/api.ts) as components/review/review-api.ts sends them.
// Prints single-learner p50/p95 (typical and heavy learner), 32 and 128 learners at once for 20 s, the bare
// better-sqlite3 floor in the same run, the class dashboard's server time, and one summary line. Stops by itself.
//
// Also prints the server's CPU time per grade (from /proc), which a busy machine does not inflate as it does latency.
// --db postgres: the same bench on PostgreSQL (the seeded SQLite file copied with db:copy's code into a fresh database on
// a throwaway initdb cluster, or on the server at --pg-url / TEST_POSTGRES_URL), with --nodes app processes
// (default 2, scripts/serve.ts each) behind a round-robin proxy (scripts/http/proxy.ts) on the port. The floor stays
// better-sqlite3's (the same bare-engine yardstick in both runs).
// Flags take `--name=value` or `--name value`.
// Flags: --no-dashboard, --port=N (default 3205), --nodes=N app processes behind the port (default: scripts/cluster.ts's default),
//        --skip-build (use .next as it is), --build (always build), --seconds=N per concurrent run (default 20),
//        --reseed (build the seeded database again), --keep (leave the database in data/bench-http/ for inspection),
//        --dashboard-only (seed, then only the class dashboard's figures: no build, no server).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { applyMigrations } from './db/schema-engine';
import { copySqliteToPostgres } from './db/copy';
import { createDatabase, dropDatabase, startPostgres, type PgServer } from './db/pg-server';
import { startProxy, type Proxy } from './http/proxy';
import { mintSessionCookie, postReview, reviewResult, type ReviewOp, type ReviewResult } from './http/app-client';
import { sqlTime } from '../lib/review/sql-time';
import { seededRandom } from '../lib/srs/test-helpers';
import { gradeCard, isRating, newCardState, type LearnerSrsSettings, type SrsCardState } from '../lib/srs';
import { settingsFromUser } from '../lib/review/settings';
import { CLASS_MODULES, CLASS_SIZE, seedClassBench } from './bench-classes';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (!a.startsWith('--')) throw new Error(`bench:http: unexpected argument ${a}`);
  const eq = a.indexOf('=');
  if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
  else if (process.argv[i + 1] !== undefined && !process.argv[i + 1]!.startsWith('--')) args.set(a.slice(2), process.argv[++i]!);
  else args.set(a.slice(2), 'true');
}
const PORT = Number(args.get('port') ?? 3205);
const SECONDS = Number(args.get('seconds') ?? 20);
const DB = args.get('db') ?? 'sqlite';
if (DB !== 'sqlite' && DB !== 'postgres' && DB !== 'postgresql') throw new Error(`--db must be sqlite or postgres, not ${DB}`);
const POSTGRES = DB !== 'sqlite';
const NODES = args.get('nodes') ?? (POSTGRES ? '2' : undefined);
const HOST = '127.0.0.1';
const BASE = `http://${HOST}:${PORT}`;
const SECRET = 'bench-http-only-secret-not-used-anywhere-else-0123456789';
const LEARNERS = 1_000;
const CARDS = 5_000;
const TYPICAL_CARDS = 100;
const LOGS_PER_CARD = 12;
const DAY = 86_400_000;
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'UTC'];

const dataDir = path.resolve('data/bench-http');
const dbFile = path.join(dataDir, 'bench.db');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? Number.NaN };
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

// ---------- seeding ----------

/** Learner ids by use: u0 is the heavy learner; the others hold 100 cards each. */
const HEAVY = 'u0';
const FLOOR_LEARNERS = Array.from({ length: 100 }, (_, i) => `u${900 + i}`);

function seed(now: Date): void {
  const raw = new Database(dbFile);
  // Bulk load without a journal, then switch to WAL as the app runs it.
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  // Secondary indexes are built once after the load: several times faster than maintaining them row by row.
  const indexes = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('ReviewLog', 'CardState') AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  for (const index of indexes) raw.exec(`DROP INDEX "${index.name}"`);
  const iso = sqlTime;
  const stamp = iso(now);
  const rnd = seededRandom(20261201);
  raw.exec(`INSERT INTO Course (id, key, title, description, createdAt, updatedAt) VALUES ('c1','bench','Bench','', '${stamp}', '${stamp}')`);
  raw.exec(`INSERT INTO Module (id, courseId, key, title, description, "order", prerequisites) VALUES ('m1','c1','m','M','',0,'[]')`);
  const insLesson = raw.prepare(`INSERT INTO Lesson (id, moduleId, key, title, "order", markdown, words, sourceFile) VALUES (?, 'm1', ?, ?, ?, 'x', 1, 'x.md')`);
  const insCard = raw.prepare(`INSERT INTO Card (id, lessonId, key, type, front, back, source, anchor, position, score, suspended, createdAt, updatedAt) VALUES (?, ?, ?, 'basic', ?, 'The answer to this question', 'A sentence from the lesson that the card came from.', '', ?, 1, 0, ?, ?)`);
  const insUser = raw.prepare(`INSERT INTO User (id, email, name, role, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'learner', ?, ?, ?)`);
  const stateCols = `userId, cardId, state, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, lastReview, lastReviewMs, leech, version, sortKey, addedAt`;
  const insState = raw.prepare(`INSERT INTO CardState (${stateCols}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, 0, ?, ?)`);
  const insLog = raw.prepare(`INSERT INTO ReviewLog (id, userId, cardId, clientId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, ?, ?, ?, 0, ?, ?)`);
  let logs = 0;
  /** One card's state and its past reviews: `due` days from now (negative = overdue), or new. */
  const card = (userId: string, cardId: string, sortKey: number, dueDays: number | null) => {
    if (dueDays === null) {
      const s = newCardState(now);
      insState.run(userId, cardId, 'new', iso(s.due), 0, 0, 0, 0, 0, 0, null, null, sortKey, stamp);
      return;
    }
    const interval = 1 + Math.floor(rnd() * 60);
    const due = now.getTime() + dueDays * DAY - Math.floor(rnd() * DAY);
    const last = due - interval * DAY;
    const stability = interval * (0.8 + rnd() * 0.6);
    insState.run(userId, cardId, 'review', iso(new Date(due)), stability, 3 + rnd() * 5, interval, interval, LOGS_PER_CARD, Math.floor(rnd() * 3), iso(new Date(last)), last, sortKey, iso(new Date(last - 200 * DAY)));
    // Past reviews, oldest first, ending at the last review.
    for (let r = LOGS_PER_CARD - 1; r >= 0; r--) {
      const at = last - r * 17 * DAY - Math.floor(rnd() * DAY);
      const x = rnd();
      insLog.run(`r${logs}`, userId, cardId, `s${logs}`, x < 0.1 ? 1 : x < 0.2 ? 2 : x < 0.9 ? 3 : 4, r === LOGS_PER_CARD - 1 ? 'new' : 'review', iso(new Date(at)), stability, interval, interval, interval, iso(new Date(at)), 3000 + Math.floor(rnd() * 10_000));
      logs++;
    }
  };
  raw.transaction(() => {
    for (let l = 0; l < 100; l++) insLesson.run(`l${l}`, `m/l${l}`, `Lesson ${l}`, l);
    for (let c = 0; c < CARDS; c++) insCard.run(`card${c}`, `l${Math.floor(c / 50)}`, `k${c}`, `Question number ${c}: what does this term mean?`, c % 50, stamp, stamp);
    for (let u = 0; u < LEARNERS; u++) insUser.run(`u${u}`, `u${u}@bench.local`, `Learner ${u}`, ZONES[u % ZONES.length]!, stamp, stamp);
  })();
  raw.transaction(() => {
    // The heavy learner: every card; ~1,000 due now, 100 new, the rest due later. One review per card in the log.
    for (let c = 0; c < CARDS; c++) {
      const sortKey = Math.floor(c / 50) * 1000 + (c % 50);
      if (c % 50 === 1) card(HEAVY, `card${c}`, sortKey, null);
      else if (c % 5 === 0) card(HEAVY, `card${c}`, sortKey, -Math.floor(rnd() * 10));
      else card(HEAVY, `card${c}`, sortKey, 1 + Math.floor(rnd() * 90));
    }
  })();
  // Typical learners: 100 cards each, 50 due now, 20 new, 30 due later; 10 past reviews per reviewed card.
  for (let chunk = 1; chunk < LEARNERS; chunk += 100) {
    raw.transaction(() => {
      for (let u = chunk; u < Math.min(LEARNERS, chunk + 100); u++) {
        const start = (u * 37) % CARDS;
        const ids = Array.from({ length: TYPICAL_CARDS }, (_, k) => (start + k * 50) % CARDS).sort((a, b) => a - b);
        ids.forEach((c, k) => {
          const sortKey = Math.floor(c / 50) * 1000 + (c % 50);
          const kind = (k * 7) % TYPICAL_CARDS; // spreads the kinds over the lessons
          card(`u${u}`, `card${c}`, sortKey, kind < 50 ? -Math.floor(rnd() * 10) : kind < 70 ? null : 1 + Math.floor(rnd() * 60));
        });
      }
    })();
  }
  for (const index of indexes) raw.exec(index.sql);
  raw.pragma('journal_mode = WAL');
  raw.exec('ANALYZE');
  raw.close();
  console.log(`seeded ${LEARNERS} learners, ${CARDS} cards, ${logs.toLocaleString('en')} past reviews`);
}

/** Moves every stored time of a copied seed forward by (now − seededAt), so the copy is what seeding now gives. */
function shiftTimes(seededAt: number, now: Date): void {
  const delta = now.getTime() - seededAt;
  const raw = new Database(dbFile);
  const shift = (col: string) => `"${col}" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "${col}", '${delta / 1000} seconds')`;
  raw.transaction(() => {
    raw.exec(`UPDATE CardState SET ${['due', 'lastReview', 'addedAt'].map(shift).join(', ')}, lastReviewMs = lastReviewMs + ${delta}`);
    raw.exec(`UPDATE ReviewLog SET ${['due', 'lastReview', 'review'].map(shift).join(', ')}`);
  })();
  raw.close();
}

// ---------- the bare floor ----------

/** better-sqlite3 alone, one thread: read state, ts-fsrs next, update, insert log, pick the next due card. */
function floor(now: Date): { p95: number; p50: number; perSecond: number; n: number } {
  const raw = new Database(dbFile);
  raw.pragma('busy_timeout = 5000');
  const userRow = raw.prepare(`SELECT desiredRetention, maximumInterval, newPerDay, timeZone, dayStartHour, learningSteps, relearningSteps, fsrsWeights FROM User WHERE id = ?`);
  const next = raw.prepare(`SELECT cardId FROM CardState WHERE userId = ? AND state <> 'new' AND due <= ? ORDER BY due LIMIT 1`);
  const read = raw.prepare(`SELECT * FROM CardState WHERE userId = ? AND cardId = ?`);
  const update = raw.prepare(`UPDATE CardState SET state = ?, due = ?, stability = ?, difficulty = ?, elapsedDays = ?, scheduledDays = ?, learningSteps = ?, reps = ?, lapses = ?, lastReview = ?, version = version + 1 WHERE userId = ? AND cardId = ?`);
  const insert = raw.prepare(`INSERT INTO ReviewLog (id, userId, cardId, clientId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3000)`);
  type Row = { state: string; due: string; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number; learningSteps: number; reps: number; lapses: number; lastReview: string | null };
  const samples: number[] = [];
  const at = sqlTime(now);
  const t0 = performance.now();
  for (const userId of FLOOR_LEARNERS) {
    const settings: LearnerSrsSettings = settingsFromUser(userRow.get(userId) as Parameters<typeof settingsFromUser>[0]);
    let cardId = (next.get(userId, at) as { cardId: string } | undefined)?.cardId;
    for (let i = 0; i < 40 && cardId; i++) {
      const t = performance.now();
      raw.transaction(() => {
        const r = read.get(userId, cardId) as Row;
        const before: SrsCardState = { ...r, state: r.state as SrsCardState['state'], due: new Date(r.due), lastReview: r.lastReview ? new Date(r.lastReview) : null };
        const rating = i % 7 === 0 ? 1 : 3;
        if (!isRating(rating)) return;
        const { state: s, log } = gradeCard(before, rating, now, settings, cardId!);
        update.run(s.state, sqlTime(s.due), s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.lastReview ? sqlTime(s.lastReview) : null, userId, cardId);
        insert.run(randomUUID(), userId, cardId, randomUUID(), log.rating, log.state, sqlTime(log.due), log.stability, log.difficulty, log.elapsedDays, log.lastElapsedDays, log.scheduledDays, log.learningSteps, sqlTime(log.review));
      }).immediate();
      cardId = (next.get(userId, at) as { cardId: string } | undefined)?.cardId;
      samples.push(performance.now() - t);
    }
  }
  const total = performance.now() - t0;
  raw.close();
  const s = stats(samples);
  return { ...s, perSecond: (s.n / total) * 1000 };
}

// ---------- the server ----------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'generated') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuild(): void {
  const buildId = '.next/BUILD_ID';
  if (args.has('skip-build') && existsSync(buildId)) return console.log('using the existing .next build (--skip-build)');
  const sources = Math.max(...['app', 'lib', 'components', 'next.config.js', 'package-lock.json', 'prisma/schema.prisma'].map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
  if (!args.has('build') && existsSync(buildId) && statSync(buildId).mtimeMs > sources) return console.log('using the existing .next build (newer than the sources)');
  console.log('building (next build)…');
  const r = spawnSync('node_modules/.bin/next', ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('next build failed');
}

function startServers(databaseUrl: string): ChildProcess[] {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    APP_MODE: 'production',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: SECRET,
    HOSTNAME: HOST,
    PORT: String(PORT),
    ...(NODES ? { APP_NODES: NODES } : {}),
  };
  if (POSTGRES) {
    // Separate app processes on the ports after PORT, behind the proxy on PORT (started by the caller).
    const count = Math.max(1, Number(NODES));
    console.log(`starting: ${count} × node --import tsx scripts/serve.ts on ports ${PORT + 1}…${PORT + count}, proxy on ${PORT}`);
    return Array.from({ length: count }, (_, i) => watch(spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env: { ...env, TRUST_PROXY: '1', PORT: String(PORT + 1 + i) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true })));
  }
  const cluster = existsSync('scripts/cluster.ts');
  // --profile: a V8 CPU profile of the (single) server process, written to data/bench-prof/ when it stops.
  const node = args.has('profile') ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve('data/bench-prof')}`] : [];
  // Profiled: one scripts/serve.ts process (the server the cluster's workers run), so the profile covers it too.
  const cmd = args.has('profile')
    ? [...node, '--import', 'tsx', 'scripts/serve.ts']
    : cluster
      ? ['--import', 'tsx', 'scripts/cluster.ts']
      : ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', HOST];
  console.log(`starting: node ${cmd.join(' ')}${NODES ? ` (APP_NODES=${NODES})` : ''}`);
  return [watch(spawn(process.execPath, cmd, { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true }))];
}

function watch(child: ChildProcess): ChildProcess {
  child.on('exit', (code) => {
    if (servers.includes(child)) {
      console.error(`a server process exited (${code}) before the bench finished`);
      process.exit(1);
    }
  });
  return child;
}

async function waitForServer(base = BASE): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}/api/auth/providers`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start in 120 s');
}

/** CPU seconds used so far by the server's processes (its process group), from /proc: load-independent cost. */
function serverCpuMs(): number {
  const groups = new Set(servers.map((s) => s.pid).filter((pid): pid is number => pid !== undefined));
  if (groups.size === 0) return 0;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[2] is the process group; [11] utime, [12] stime (clock ticks, 100 per second on Linux).
      if (groups.has(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * 10;
}

// ---------- the review screen's requests ----------

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
interface Card { id: string; version: number }

/** Connections to the server's database for session rows when it is PostgreSQL (--db postgres). */
let sessionPool: pg.Pool | null = null;

/** A signed-in session as next-auth makes one: a UserSession row and a JWT naming it (scripts/http/app-client.ts). */
function cookieFor(userId: string): Promise<string> {
  return mintSessionCookie(sessionPool ? { pool: sessionPool } : { sqliteFile: dbFile }, userId, SECRET, { name: `Learner ${userId}`, email: `${userId}@bench.local` });
}

let bytesIn = 0;
let responses = 0;
async function post(op: ReviewOp, cookie: string, body: unknown): Promise<ReviewResult> {
  const res = await postReview(BASE, op, body, { cookie, agent });
  bytesIn += res.text.length;
  responses++;
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  return reviewResult(res);
}

class Learner {
  card: Card | null = null;
  constructor(readonly id: string, readonly cookie: string) {}
  static async signIn(id: string): Promise<Learner> {
    const l = new Learner(id, await cookieFor(id));
    const res = await post('refresh', l.cookie, undefined);
    if (!res.ok) throw new Error(`refresh for ${id} refused: ${res.error}`);
    l.card = res.snapshot?.card ?? null;
    return l;
  }
  /** One grade → next card; returns the round-trip time. */
  async grade(i: number): Promise<number> {
    const card = this.card!;
    const t = performance.now();
    const res = await post('grade', this.cookie, { cardId: card.id, rating: i % 7 === 0 ? 1 : 3, clientId: randomUUID(), version: card.version, durationMs: 2500 });
    const took = performance.now() - t;
    if (!res.ok) throw new Error(`grade refused: ${res.error}`);
    this.card = res.snapshot?.card ?? null;
    return took;
  }
}

async function single(ids: string[], grades: number): Promise<number[]> {
  const samples: number[] = [];
  for (const id of ids) {
    const learner = await Learner.signIn(id);
    for (let i = 0; samples.length < grades && learner.card; i++) samples.push(await learner.grade(i));
    if (samples.length >= grades) break;
  }
  return samples;
}

/** `concurrency` learners grading as fast as the server answers for `seconds`; a learner with nothing left hands over to a fresh one. */
async function burst(pool: string[], concurrency: number, seconds: number) {
  const samples: number[] = [];
  let errors = 0;
  let firstError = '';
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    let learner: Learner | null = null;
    for (let i = 0; performance.now() < end; i++) {
      try {
        if (!learner?.card) {
          const id = pool.shift();
          if (!id) return;
          learner = await Learner.signIn(id);
          continue;
        }
        samples.push(await learner.grade(i));
      } catch (e) {
        errors++;
        firstError ||= String(e);
        learner = null;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { ...stats(samples), perSecond: samples.length / elapsed, errors, firstError, poolLeft: pool.length };
}

// ---------- the class dashboard (server time, in process) ----------

async function dashboard(now: Date) {
  const raw = new Database(dbFile);
  raw.pragma('busy_timeout = 5000');
  const classes = seedClassBench(raw, now, 'c1', 'm1', Array.from({ length: CARDS }, (_, c) => `card${c}`));
  raw.close();
  // On PostgreSQL: a second copy, now with the classes (the review bench above ran without them, as on SQLite).
  const url = POSTGRES ? await postgresCopy('dashboard') : `file:${dbFile}`;
  process.env.DATABASE_URL = url;
  const { createDb } = await import('../lib/db');
  const mod = await import('../lib/classes/dashboard');
  const db = createDb(url);
  const first: number[] = [];
  const repeat: number[] = [];
  const afterReview: number[] = [];
  // CPU of this process per view (user + system), which a busy machine inflates less than wall time.
  let firstCpu = 0;
  let repeatCpu = 0;
  let afterReviewCpu = 0;
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const clear = (mod as { clearReviewCache?: () => void }).clearReviewCache;
  // "After a review": one member grades (a review logged, as a grade does), then the instructor looks again.
  const members = await db.classMember.findMany({ where: { classId: classes.classId }, select: { userId: true }, orderBy: { userId: 'asc' } });
  const card = await db.card.findFirstOrThrow({ where: { lesson: { module: { assignments: { some: { classId: classes.classId } } } } }, select: { id: true } });
  const view = async (samples: number[], i: number) => {
    const t = performance.now();
    const c = cpuMs();
    const result = await mod.classDashboard(db, classes.instructorId, classes.classId, new Date());
    if (i >= 5) samples.push(performance.now() - t);
    if (!result || result.rows.length !== CLASS_SIZE * CLASS_MODULES) throw new Error('class dashboard returned the wrong rows');
    return i >= 5 ? cpuMs() - c : 0;
  };
  try {
    for (let i = 0; i < 25; i++) {
      // A cold first view: nothing derived from before is kept (a fresh node, or every member changed).
      if (clear) clear();
      firstCpu += await view(first, i);
      repeatCpu += await view(repeat, i);
      const at = new Date();
      await db.reviewLog.create({
        data: { userId: members[i % members.length]!.userId, cardId: card.id, clientId: randomUUID(), rating: 3, state: 'review', due: at, stability: 5, difficulty: 5, elapsedDays: 3, lastElapsedDays: 3, scheduledDays: 5, learningSteps: 0, review: at },
      });
      afterReviewCpu += await view(afterReview, i);
    }
  } finally {
    // The dashboard reads through the review store's own connection (a pg pool on PostgreSQL): closed before the
    // throwaway cluster stops, which would otherwise end its connections under it.
    await (await import('../lib/review/store')).closeStoreFor(db);
    await db.$disconnect();
  }
  const per = (cpu: number, samples: number[]) => cpu / Math.max(1, samples.length);
  return {
    first: stats(first),
    repeat: stats(repeat),
    afterReview: stats(afterReview),
    firstCpu: per(firstCpu, first),
    repeatCpu: per(repeatCpu, repeat),
    afterReviewCpu: per(afterReviewCpu, afterReview),
  };
}

function printDashboard(dash: Awaited<ReturnType<typeof dashboard>>): void {
  console.log(
    `class dashboard (${CLASS_SIZE} × ${CLASS_MODULES}), server time   first view p50 ${ms(dash.first.p50)} p95 ${ms(dash.first.p95)}; repeat p50 ${ms(dash.repeat.p50)} p95 ${ms(dash.repeat.p95)}` +
      `; after one member's review p50 ${ms(dash.afterReview.p50)} p95 ${ms(dash.afterReview.p95)}` +
      `; CPU per view first ${ms(dash.firstCpu)}, repeat ${ms(dash.repeatCpu)}, after a review ${ms(dash.afterReviewCpu)}`,
  );
}

// ---------- PostgreSQL (--db postgres) ----------

let pgServer = null as PgServer | null;
/** A fresh PostgreSQL database holding a verified copy of the seeded SQLite file (db:copy's code); its URL. */
async function postgresCopy(name: string): Promise<string> {
  const given = args.get('pg-url');
  pgServer ??= given ? { url: given, stop: async () => {} } : await startPostgres();
  const dbName = `bench_http_${name}_${process.pid}`;
  await dropDatabase(pgServer.url, dbName);
  const url = await createDatabase(pgServer.url, dbName);
  pgDatabases.push(dbName);
  const t = performance.now();
  await applyMigrations(url);
  const report = await copySqliteToPostgres(dbFile, url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
  console.log(`copied to PostgreSQL database ${dbName}: ${report.reduce((n, r) => n + r.rows, 0).toLocaleString('en')} rows, counts and checksums verified (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return url;
}
const pgDatabases: string[] = [];

// ---------- run ----------

const now = new Date();
let servers: ChildProcess[] = [];
let proxy: Proxy | null = null;
const stopServer = () => {
  for (const s of servers) {
    try {
      if (s.pid) process.kill(-s.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  servers = [];
};
process.on('exit', () => {
  stopServer();
  // A throwaway cluster is stopped even when the bench ends early (its stop is synchronous).
  if (pgServer) void pgServer.stop();
});
process.on('SIGINT', () => process.exit(130));
try {
  if (!args.has('dashboard-only')) ensureBuild();
  let t = performance.now();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // The seeded file is kept (data/bench-http-seed/) and copied for the next run while the migrations and this
  // script are unchanged; its times are then shifted so that "now" is the same distance from every row.
  const key = createHash('sha1').update(readdirSync('prisma/migrations').join(',')).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 12);
  const cached = path.resolve(`data/bench-http-seed/${key}.db`);
  const cachedAt = `${cached}.now`;
  if (existsSync(cached) && existsSync(cachedAt) && !args.has('reseed')) {
    copyFileSync(cached, dbFile);
    shiftTimes(Number(readFileSync(cachedAt, 'utf8')), now);
    console.log(`seeded database copied from ${path.relative('.', cached)} (--reseed to build it again)`);
  } else {
    await applyMigrations(dbFile);
    seed(now);
    rmSync(path.dirname(cached), { recursive: true, force: true });
    mkdirSync(path.dirname(cached), { recursive: true });
    copyFileSync(dbFile, cached);
    writeFileSync(cachedAt, String(now.getTime()));
  }
  console.log(`  (seeding took ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  if (args.has('dashboard-only')) {
    const dash = await dashboard(now);
    printDashboard(dash);
    console.log(
      `bench:http dashboard${POSTGRES ? ' (PostgreSQL)' : ''}: first ${dash.first.p95.toFixed(0)} ms, repeat ${dash.repeat.p95.toFixed(0)} ms, after a review ${dash.afterReview.p95.toFixed(0)} ms (p95); ` +
        `CPU per view ${dash.firstCpu.toFixed(0)} / ${dash.repeatCpu.toFixed(0)} / ${dash.afterReviewCpu.toFixed(0)} ms`,
    );
    await cleanUp();
    process.exit(0);
  }
  t = performance.now();
  const fl = floor(now);
  console.log(`floor (better-sqlite3, one thread, ${fl.n} grades)      p50 ${ms(fl.p50)}  p95 ${ms(fl.p95)}  ${fl.perSecond.toFixed(0)} grades/s`);

  const databaseUrl = POSTGRES ? await postgresCopy('review') : `file:${dbFile}`;
  if (POSTGRES) sessionPool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  servers = startServers(databaseUrl);
  if (POSTGRES) {
    proxy = await startProxy(servers.map((_, i) => ({ port: PORT + 1 + i, host: HOST })), PORT, HOST);
    for (let i = 0; i < servers.length; i++) await waitForServer(`http://${HOST}:${PORT + 1 + i}`);
  }
  await waitForServer();
  // Warm up: load the review route's code and JIT the hot path.
  await single(['u899', 'u898'], 60);
  bytesIn = 0;
  responses = 0;

  if (args.has('profile')) {
    const before = serverCpuMs();
    await single(Array.from({ length: 10 }, (_, i) => `u${i + 1}`), 300);
    await single([HEAVY], 300);
    console.log(`profiled 300 typical and 300 heavy grades (server CPU ${((serverCpuMs() - before) / 600).toFixed(1)} ms/grade, profiler included); stopping the server`);
    const s = servers[0]!;
    servers = [];
    process.kill(-s.pid!, 'SIGTERM');
    await new Promise((r) => s.once('exit', r));
    process.exit(0);
  }
  let cpu = serverCpuMs();
  const cpuPer = (n: number) => {
    const now = serverCpuMs();
    const per = (now - cpu) / Math.max(1, n);
    cpu = now;
    return `server CPU ${per.toFixed(1)} ms/grade`;
  };
  const typical = stats(await single(Array.from({ length: 10 }, (_, i) => `u${i + 1}`), 300));
  console.log(`typical learner (100 cards, ~50 due), one at a time   n=${typical.n}  p50 ${ms(typical.p50)}  p95 ${ms(typical.p95)}  max ${ms(typical.max)}  ${cpuPer(typical.n)}`);
  const heavy = stats(await single([HEAVY], 300));
  console.log(`heavy learner (5,000 cards, ~1,000 due), one at a time n=${heavy.n}  p50 ${ms(heavy.p50)}  p95 ${ms(heavy.p95)}  max ${ms(heavy.max)}  ${cpuPer(heavy.n)}`);
  console.log(`  mean response ${(bytesIn / Math.max(1, responses) / 1000).toFixed(1)} kB`);

  const pool = Array.from({ length: 900 - 11 - 2 }, (_, i) => `u${i + 11}`);
  const b32 = await burst(pool, 32, SECONDS);
  console.log(`32 learners at once, ${SECONDS} s   ${b32.perSecond.toFixed(0)} grades/s  p50 ${ms(b32.p50)}  p95 ${ms(b32.p95)}  errors ${b32.errors}${b32.firstError ? ` (${b32.firstError})` : ''}  ${cpuPer(b32.n)}`);
  const b128 = await burst(pool, 128, SECONDS);
  console.log(`128 learners at once, ${SECONDS} s  ${b128.perSecond.toFixed(0)} grades/s  p50 ${ms(b128.p50)}  p95 ${ms(b128.p95)}  errors ${b128.errors}${b128.firstError ? ` (${b128.firstError})` : ''}  ${cpuPer(b128.n)}`);
  if (pool.length === 0) console.log('  note: the learner pool ran out; figures cover a shorter burst');
  stopServer();
  await proxy?.close();
  proxy = null;

  const dash = args.has('no-dashboard') ? { first: stats([]), repeat: stats([]), afterReview: stats([]), firstCpu: Number.NaN, repeatCpu: Number.NaN, afterReviewCpu: Number.NaN } : await dashboard(now);
  printDashboard(dash);

  const ratio = typical.p95 / fl.p95;
  console.log(
    `bench:http summary${POSTGRES ? ` (PostgreSQL, ${NODES} nodes behind a proxy)` : ''}: typical p95 ${typical.p95.toFixed(1)} ms, heavy p95 ${heavy.p95.toFixed(1)} ms; ` +
      `32× ${b32.perSecond.toFixed(0)} grades/s p95 ${b32.p95.toFixed(0)} ms, 128× ${b128.perSecond.toFixed(0)} grades/s p95 ${b128.p95.toFixed(0)} ms, errors ${b32.errors + b128.errors}; ` +
      `floor p95 ${fl.p95.toFixed(2)} ms ${fl.perSecond.toFixed(0)}/s (typical p95 ${ratio.toFixed(0)}× floor, floor ${(fl.perSecond / Math.max(1, b32.perSecond)).toFixed(1)}× the 32× throughput); ` +
      `dashboard first ${dash.first.p95.toFixed(0)} ms, repeat ${dash.repeat.p95.toFixed(0)} ms, after a review ${dash.afterReview.p95.toFixed(0)} ms (p95)`,
  );
} finally {
  await cleanUp();
}

async function cleanUp(): Promise<void> {
  stopServer();
  await proxy?.close();
  await sessionPool?.end();
  agent.destroy();
  if (!args.has('keep')) rmSync(dataDir, { recursive: true, force: true });
  if (pgServer) {
    for (const name of pgDatabases) await dropDatabase(pgServer.url, name).catch(() => {});
    await pgServer.stop();
    pgServer = null;
  }
}
