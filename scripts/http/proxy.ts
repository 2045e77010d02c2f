// A small round-robin reverse proxy over node:http, standing in for a load balancer in tests and benches (no
// nginx/haproxy here). Appends the client's socket address to X-Forwarded-For (run the nodes with TRUST_PROXY=1).
// A node that refuses the connection is marked down for a while and the request goes to the next one (it never
// reached a node, so this is safe for any method); a node that fails after taking the request gives 502 and is
// marked down, never a retry: a POST may have been applied (nginx does the same for non-idempotent requests).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  port: number;
  host?: string;
}

export interface Proxy {
  url: string;
  /** Requests each upstream has answered (by index), for tests that must reach every node. */
  served: number[];
  close: () => Promise<void>;
}

const DOWN_MS = 5_000;
const HOP_HEADERS = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

export async function startProxy(upstreams: Upstream[], port = 0, host = '127.0.0.1'): Promise<Proxy> {
  if (upstreams.length === 0) throw new Error('startProxy: no upstreams');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const downUntil = upstreams.map(() => 0);
  const served = upstreams.map(() => 0);
  let next = 0;

  const pick = (tried: Set<number>): number | null => {
    const now = Date.now();
    for (let i = 0; i < upstreams.length; i++) {
      const k = (next + i) % upstreams.length;
      if (!tried.has(k) && downUntil[k]! <= now) {
        next = k + 1;
        return k;
      }
    }
    // Every node is marked down: try one not yet tried for this request anyway (it may be back).
    for (let k = 0; k < upstreams.length; k++) if (!tried.has(k)) return k;
    return null;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers };
      for (const h of HOP_HEADERS) delete headers[h];
      const peer = req.socket.remoteAddress ?? '';
      headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${String(headers['x-forwarded-for'])}, ${peer}` : peer;
      headers['x-forwarded-proto'] = 'http';
      headers['content-length'] = String(body.length);
      const tried = new Set<number>();
      const attempt = () => {
        const k = pick(tried);
        if (k === null) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end('no app node answered\n');
          return;
        }
        tried.add(k);
        const up = upstreams[k]!;
        let reached = false;
        const upReq = http.request({ host: up.host ?? '127.0.0.1', port: up.port, method: req.method, path: req.url, headers, agent }, (upRes) => {
          served[k]!++;
          const out = { ...upRes.headers };
          for (const h of HOP_HEADERS) delete out[h];
          res.writeHead(upRes.statusCode ?? 502, out);
          upRes.pipe(res);
          upRes.on('error', () => res.destroy());
          upRes.on('aborted', () => res.destroy());
        });
        upReq.on('socket', (socket) => {
          if (!socket.connecting) reached = true;
          else socket.once('connect', () => (reached = true));
        });
        upReq.on('error', (e: NodeJS.ErrnoException) => {
          downUntil[k] = Date.now() + DOWN_MS;
          if (res.headersSent) return res.destroy();
          // Refused (or reset on a reused idle connection before anything was sent): the node never saw it.
          if (e.code === 'ECONNREFUSED' || !reached) return attempt();
          res.writeHead(502, { 'content-type': 'text/plain' }).end('app node failed\n');
        });
        upReq.end(body);
      };
      attempt();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    served,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
