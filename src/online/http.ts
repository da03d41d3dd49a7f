/**
 * One HTTP request at a time, through undici (loaded here, so only when a flag asks for the
 * network). Redirects are not followed: the caller follows them, to see which are permanent.
 * Proxies come from HTTP_PROXY / HTTPS_PROXY / NO_PROXY (`EnvHttpProxyAgent`).
 */
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import type { Dispatcher } from 'undici';
import { VERSION } from '../version.js';
import { UsageError } from '../errors.js';
import type { OnlineOptions } from './options.js';

export const USER_AGENT = `milint/${VERSION} (model-index-lint)`;

export interface Answer {
  readonly status: number;
  /** Header names in lower case; a repeated header keeps its first value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readable;
}

/** Why a request got no answer: the kinds the findings tell apart. */
export type NetKind = 'dns' | 'timeout' | 'reset' | 'refused' | 'other';

/** `message` in plain words (it reaches the report); `code` the error code behind it, if any. */
export class NetError extends Error {
  constructor(readonly kind: NetKind, message: string, readonly code?: string) { super(message); }
}

export class HttpClient {
  /** Requests sent (each attempt and each redirect hop counts). */
  requests = 0;

  private constructor(private readonly undici: typeof import('undici'), private readonly dispatcher: Dispatcher, private readonly timeoutMs: number) {}

  static async create(options: OnlineOptions): Promise<HttpClient> {
    const loaded = await import('undici');
    // A CommonJS package: bundled, its exports come as `default`.
    const undici = (loaded.EnvHttpProxyAgent ? loaded : (loaded as unknown as { default: typeof loaded }).default);
    const t = options.timeoutMs;
    let dispatcher: Dispatcher;
    try {
      dispatcher = new undici.EnvHttpProxyAgent({
        ...(options.proxy ?? {}), connect: { timeout: t, ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}) }, headersTimeout: t, bodyTimeout: t,
      });
    } catch (cause) {
      // The proxy variables come from the environment: a bad one is the user's to fix, not a crash.
      throw new UsageError(`the proxy settings cannot be used (${cause instanceof Error ? cause.message : String(cause)}).`, 'Check HTTP_PROXY, HTTPS_PROXY and NO_PROXY.', { cause });
    }
    return new HttpClient(undici, dispatcher, t);
  }

  /** Sends one request; throws NetError when no answer came. */
  async send(url: string, method: 'HEAD' | 'GET', headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Answer> {
    this.requests++;
    try {
      const res = await this.undici.request(url, {
        method, dispatcher: this.dispatcher, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, ...(signal ? { signal } : {}),
        headers: { 'user-agent': USER_AGENT, accept: '*/*', ...headers },
      });
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) flat[k.toLowerCase()] = Array.isArray(v) ? v[0] ?? '' : v;
      }
      return { status: res.statusCode, headers: flat, body: res.body };
    } catch (e) {
      throw toNetError(e);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }
}

/** Drops a body without reading it (a ranged GET that the server answered in full is not downloaded). */
export function discard(answer: Answer): void {
  answer.body.on('error', () => undefined);
  answer.body.destroy();
}

/** Classifies undici's and Node's errors (the code may sit on a cause). */
export function toNetError(e: unknown): NetError {
  if (e instanceof NetError) return e;
  const codes: string[] = [];
  for (let x: unknown = e, i = 0; x && typeof x === 'object' && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  const has = (...c: string[]): boolean => codes.some((x) => c.includes(x));
  // The code, kept for tools; the message says what happened in words (a raw code means nothing to most readers).
  const code = codes[0]?.replace(/[^A-Z0-9_]/gi, '').slice(0, 60) || undefined;
  const err = (kind: NetKind, message: string): NetError => new NetError(kind, message, code);
  if (has('ENOTFOUND')) return err('dns', 'host not found');
  if (has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR')) return err('timeout', 'timed out');
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE')) return err('reset', 'connection reset');
  if (has('ECONNREFUSED')) return err('refused', 'connection refused');
  if (codes.some((c) => /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_OSSL_)/.test(c))) return err('other', 'the secure connection (TLS) failed');
  if (has('EAI_AGAIN')) return err('other', 'the host name could not be looked up now');
  if (has('EHOSTUNREACH', 'ENETUNREACH')) return err('other', 'no route to the host');
  if (has('UND_ERR_INVALID_ARG', 'ERR_INVALID_URL')) return err('other', 'the address cannot be requested');
  return err('other', 'a network error');
}
