// Production server: Next.js behind a plain Node HTTP server that tells the app the socket address.
// Every request's `x-app-peer` header is overwritten with "<token> <remote address>"; the token is random per
// process and only the app (lib/auth/request-address.ts) knows it, so a client cannot forge its address.
// The review loop's JSON endpoint (POST /api/review/*) is answered here, ahead of Next.js, by the same function as its
// route handler (lib/review/api.ts: same-origin, size limit, session + UserSession, zod, security headers): Next's
// request machinery cost more CPU per grade than the grade itself (docs/decisions/005). REVIEW_FAST_LANE=0 hands
// it to Next.js like every other request.
// Env: PORT (3000), HOSTNAME (all interfaces). Used by `npm start`, scripts/cluster.ts and scripts/e2e-server.sh.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import next from 'next';

const token = randomBytes(24).toString('hex');
process.env.APP_PEER_TOKEN = token;
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME;

const app = next({ dev: false, port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
const fastLane = process.env.REVIEW_FAST_LANE !== '0';
await app.prepare();
// Imported once Next.js has loaded the .env files: the endpoint's database client reads DATABASE_URL on import.
const { reviewApiOp, serveReviewApi } = await import('../lib/review/api-node');
const server = createServer((req, res) => {
  req.headers['x-app-peer'] = `${token} ${req.socket.remoteAddress ?? ''}`;
  const op = fastLane ? reviewApiOp(req.url) : null;
  if (op) void serveReviewApi(req, res, op);
  else void handle(req, res);
}).listen(port, hostname, () => console.log(`serve: ready on port ${port}`));
// Stop on a signal by exiting normally (so exit hooks run, e.g. `node --cpu-prof` writes its profile).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
