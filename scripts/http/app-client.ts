// A person's browser, reduced to HTTP: a cookie jar, next-auth's credentials sign-in (CSRF token first) and the
// review screen's server actions posted as the browser posts them. For tests and benches against a production
// build (scripts/two-nodes.ts). `localAddress` picks the loopback address the requests come from (127.0.0.0/8),
// so one test can be several clients as far as per-address rate limits are concerned.
import http from 'node:http';
import { readFileSync } from 'node:fs';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface ActionResult {
  ok: boolean;
  error?: string;
  snapshot?: { card: { id: string; version: number } | null; counts: { new: number; learning: number; review: number } };
}

/** The server action ids of lib/actions/review.ts in a build (they change with every build). */
export function reviewActionIds(nextDir = '.next'): { grade: string; refresh: string } {
  const manifest = JSON.parse(readFileSync(`${nextDir}/server/server-reference-manifest.json`, 'utf8')) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const find = (name: string) => {
    const id = Object.entries(manifest.node).find(([, v]) => v.filename === 'lib/actions/review.ts' && v.exportedName === name)?.[0];
    if (!id) throw new Error(`server action ${name} not found in the build`);
    return id;
  };
  return { grade: find('gradeReview'), refresh: find('refreshReview') };
}

// What the browser sends as Next-Router-State-Tree on /review.
const ROUTER_TREE = encodeURIComponent(JSON.stringify(['', { children: ['(learn)', { children: ['review', { children: ['__PAGE__', {}, null, null] }, null, null] }, null, null] }, null, null, true]));

/** The action's return value in a flight response: the row holding an object with `ok`. */
export function actionResult(text: string): ActionResult | null {
  for (const line of text.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*)$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[1]!) as Partial<ActionResult>;
      if (typeof value.ok === 'boolean') return value as ActionResult;
    } catch {
      /* another row */
    }
  }
  return null;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(public base: string, readonly localAddress?: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  request(method: string, path: string, opts: { body?: string; headers?: Record<string, string>; base?: string } = {}): Promise<Response> {
    const base = opts.base ?? this.base;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...opts.headers };
      const cookie = this.cookieHeader();
      if (cookie) headers.cookie = cookie;
      if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
      const req = http.request(`${base}${path}`, { method, headers, localAddress: this.localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            if (eq < 0) continue;
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  /** Fetches a CSRF token (and its cookie) from next-auth, as the sign-in page does before posting. */
  async csrfToken(): Promise<string> {
    const res = await this.request('GET', '/api/auth/csrf');
    if (res.status !== 200) throw new Error(`GET /api/auth/csrf: HTTP ${res.status}`);
    return (JSON.parse(res.text) as { csrfToken: string }).csrfToken;
  }

  /** Posts the credentials form (token from csrfToken()); returns null when signed in, else next-auth's error text. */
  async postCredentials(email: string, password: string, csrfToken: string): Promise<string | null> {
    const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.base}/home`, json: 'true' }).toString();
    const res = await this.request('POST', '/api/auth/callback/credentials', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // next-auth answers a refused sign-in with 401 and the same JSON.
    if (res.status !== 200 && res.status !== 401) throw new Error(`sign-in: HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    const url = new URL((JSON.parse(res.text) as { url: string }).url);
    const error = url.searchParams.get('error');
    if (error) return error;
    if (!this.cookies.has('next-auth.session-token')) return 'no session cookie was set';
    return null;
  }

  async signIn(email: string, password: string): Promise<void> {
    const error = await this.postCredentials(email, password, await this.csrfToken());
    if (error) throw new Error(`sign-in of ${email} refused: ${error}`);
  }

  /** Posts a server action of the review screen (/review) as the browser does; rejects on a non-200 answer. */
  async action(actionId: string, arg?: unknown, base = this.base): Promise<ActionResult> {
    const res = await this.request('POST', '/review', {
      base,
      body: arg === undefined ? '[]' : JSON.stringify([arg]),
      headers: { accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', 'next-action': actionId, 'next-router-state-tree': ROUTER_TREE, origin: base },
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    const result = actionResult(res.text);
    if (!result) throw new Error(`no action result in response: ${res.text.slice(0, 200)}`);
    return result;
  }
}
