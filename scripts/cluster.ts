// Starts the production server as one process per core behind one port (node:cluster): each worker runs
// scripts/serve.ts, and the primary hands incoming connections to the workers in turn. A Node process serving
// Next.js is CPU-bound on one core; SQLite in WAL mode with a busy timeout is safe across processes, and every
// piece of state the app keeps lives in the database (docs/decisions/). A worker that dies is replaced.
// Env: PORT (3000), HOSTNAME (all interfaces), APP_NODES (default: available cores, at most 4).
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

const port = process.env.PORT ?? '3000';
const host = process.env.HOSTNAME;
const nodes = Math.max(1, Number(process.env.APP_NODES) || Math.min(4, os.availableParallelism()));

if (cluster.isPrimary) {
  let stopping = false;
  // Each worker runs scripts/serve.ts (Next.js behind a server that passes on the socket address) itself, with
  // tsx's loader in the worker. Not through tsx's CLI: that runs the script in a child process of the worker,
  // outside the cluster (Node drops NODE_UNIQUE_ID), so every worker but the first failed to listen
  // (EADDRINUSE) and was restarted every few seconds, and one process served everything (docs/decisions/005).
  cluster.setupPrimary({ exec: path.join(import.meta.dirname, 'serve.ts'), execArgv: ['--import', import.meta.resolve('tsx')] });
  process.env.PORT = port;
  if (host) process.env.HOSTNAME = host;
  const started = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  for (let i = 0; i < nodes; i++) fork();
  console.log(`cluster: ${nodes} app process${nodes === 1 ? '' : 'es'} on port ${port}`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    console.error(`cluster: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    // A worker that dies at once would do so again: wait a little instead of spinning.
    setTimeout(fork, lived < 5_000 ? 2_000 : 0);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3_000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
