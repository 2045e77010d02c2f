// The real CardModel: one POST to `{url}/chat/completions` of an OpenAI-compatible server (Ollama, llama.cpp,
// vLLM, a hosted API), with a timeout. Every failure becomes a CardModelError whose message says what to check.
import { CardModelError, type CardModel, type LlmRequest } from '@/lib/cards/llm';

export interface HttpCardModelConfig {
  /** Base URL up to the API version, e.g. http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1. */
  url: string;
  model: string;
  /** Sent as a Bearer token when set (local servers usually need none). */
  key?: string;
  timeoutMs: number;
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export function chatCompletionsUrl(url: string): string {
  return `${url.replace(/\/+$/, '')}/chat/completions`;
}

function causeCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** Errors of a connection that was made and then broke off; anything else (refused, no such host, a port fetch
 * refuses to use) means the server cannot be reached at all. */
const BROKE_OFF = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'other side closed']);

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
}

export function createHttpCardModel(config: HttpCardModelConfig, deps: { fetch?: FetchLike } = {}): CardModel {
  const doFetch: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const endpoint = chatCompletionsUrl(config.url);
  const seconds = `${Math.round(config.timeoutMs / 100) / 10} s`;
  return {
    model: config.model,
    async complete(request: LlmRequest): Promise<string> {
      const signal = AbortSignal.timeout(config.timeoutMs);
      let res: Response;
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(config.key ? { authorization: `Bearer ${config.key}` } : {}) },
          body: JSON.stringify(request),
          signal,
        });
      } catch (e) {
        if (isTimeout(e)) throw new CardModelError('timeout', `LLM server ${endpoint} did not answer within ${seconds} (CARDS_LLM_TIMEOUT_MS)`);
        const code = causeCode(e);
        if (BROKE_OFF.has(code)) throw new CardModelError('connection', `LLM server ${endpoint} closed the connection without an answer (${code})`);
        throw new CardModelError('unreachable', `LLM server ${endpoint} is unreachable (${code}); is it running, and is CARDS_LLM_URL right?`);
      }
      let body: string;
      try {
        body = await res.text();
      } catch (e) {
        if (isTimeout(e)) throw new CardModelError('timeout', `LLM server ${endpoint} did not finish its answer within ${seconds} (CARDS_LLM_TIMEOUT_MS)`);
        throw new CardModelError('connection', `LLM server ${endpoint} broke off its answer (${causeCode(e)})`);
      }
      if (!res.ok) {
        const hint = res.status === 404 ? ' (does CARDS_LLM_URL end with /v1, and is CARDS_LLM_MODEL installed?)' : res.status === 401 || res.status === 403 ? ' (check CARDS_LLM_KEY)' : '';
        const detail = body.replace(/\s+/g, ' ').trim().slice(0, 200);
        throw new CardModelError('http', `LLM server ${endpoint} answered HTTP ${res.status}${hint}${detail ? `: ${detail}` : ''}`);
      }
      return body;
    },
  };
}
