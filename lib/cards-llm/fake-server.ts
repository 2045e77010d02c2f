// Test helper: a real HTTP server on 127.0.0.1 (random port) that plays an OpenAI-compatible LLM server from
// recorded replies, and records what it was asked. Not used outside tests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeReply = { status?: number; body: unknown } | { hang: true } | { destroy: true };

export interface FakeRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: unknown };
}

export interface FakeLlmServer {
  /** Base URL to use as CARDS_LLM_URL (ends with /v1). */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `reply` picks the recorded answer for a request (e.g. by the lesson title in the prompt). */
export async function startFakeLlmServer(reply: (request: FakeRequest) => FakeReply): Promise<FakeLlmServer> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: FakeRequest['body'] = {};
      try {
        body = JSON.parse(text) as FakeRequest['body'];
      } catch {
        // recorded as an empty body; the reply decides what to answer
      }
      const request: FakeRequest = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body };
      requests.push(request);
      const answer = reply(request);
      if ('hang' in answer) return; // never answers; the client's timeout must fire
      if ('destroy' in answer) {
        req.socket.destroy();
        return;
      }
      const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(payload);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The lesson title a request asks about ("Lesson: …" line of the prompt). */
export function lessonOf(request: FakeRequest): string {
  const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  return /^Lesson: (.*)$/m.exec(user)?.[1] ?? '';
}
