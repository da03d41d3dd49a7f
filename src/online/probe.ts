/**
 * What a link answers: a HEAD request (a ranged GET where HEAD is refused), redirects followed one
 * by one so that permanent ones are seen, retries with backoff on 429, 5xx and reset connections,
 * honouring `Retry-After` up to a cap. The outcome is plain data: it is what the cache keeps.
 */
import { discard, NetError, toNetError, type Answer, type HttpClient, type NetKind } from './http.js';
import type { Limiter } from './limiter.js';
import type { OnlineOptions } from './options.js';

/** One redirect: the status and the address it led to. */
export interface Hop { readonly status: number; readonly to: string }

export type Outcome =
  | { readonly kind: 'ok'; readonly status: number; readonly hops: readonly Hop[]; readonly size?: number; readonly etag?: string; readonly lastModified?: string }
  /** `retryAfter`: the seconds a 429 or 5xx asked to wait, given up on at once because it is longer than the cap. */
  | { readonly kind: 'status'; readonly status: number; readonly hops: readonly Hop[]; readonly attempts: number; readonly retryAfter?: number }
  /** `reason` in plain words; `code` the error code behind it, for tools. */
  | { readonly kind: 'net'; readonly net: NetKind; readonly reason: string; readonly code?: string; readonly hops: readonly Hop[] }
  | { readonly kind: 'redirects'; readonly hops: readonly Hop[] };

/** Statuses that mean "HEAD is not allowed here": ask again with a ranged GET. */
const HEAD_REFUSED = new Set([403, 405, 501]);

export interface ProbeDeps {
  readonly client: HttpClient;
  readonly limiter: Limiter;
  readonly options: OnlineOptions;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Probes one link; never throws. */
export async function probe(url: string, deps: ProbeDeps): Promise<Outcome> {
  const hops: Hop[] = [];
  let current = url;
  for (;;) {
    let answer: Asked;
    try {
      answer = await ask(current, deps);
    } catch (e) {
      const n = toNetError(e);
      return { kind: 'net', net: n.kind, reason: n.message, ...(n.code ? { code: n.code } : {}), hops };
    }
    const { status, headers } = answer;
    const location = headers.location;
    if (status >= 300 && status < 400 && location) {
      if (hops.length >= deps.options.maxRedirects) return { kind: 'redirects', hops };
      let next: string;
      try { next = new URL(location, current).href; } catch { return { kind: 'net', net: 'other', reason: 'it redirects to an invalid address', code: 'BAD_LOCATION', hops }; }
      const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(next)?.[0].toLowerCase() ?? '';
      if (scheme !== 'http:' && scheme !== 'https:') {
        return { kind: 'net', net: 'other', reason: `it redirects to a non-web address (${scheme || 'no scheme'})`, code: 'NOT_HTTP', hops };
      }
      hops.push({ status, to: next });
      current = next;
      continue;
    }
    if (status >= 200 && status < 300) {
      const size = sizeOf(status, headers);
      return {
        kind: 'ok', status, hops, ...(size !== undefined ? { size } : {}),
        ...(headers.etag ? { etag: headers.etag } : {}), ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
      };
    }
    return { kind: 'status', status, hops, attempts: answer.attempts, ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}) };
  }
}

interface Asked { status: number; headers: Readonly<Record<string, string>>; attempts: number; retryAfter?: number }

/** One address, without following redirects: HEAD, then a ranged GET if HEAD is refused; retried. */
async function ask(url: string, deps: ProbeDeps): Promise<Asked> {
  const { client, limiter, options } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const host = new URL(url).host;
  const once = async (method: 'HEAD' | 'GET'): Promise<Answer> => limiter.run(host, async () => {
    const a = await client.send(url, method, method === 'GET' ? { range: 'bytes=0-0' } : {});
    discard(a);
    return a;
  });
  for (let attempt = 0; ; attempt++) {
    let a: Answer;
    try {
      a = await once('HEAD');
      if (HEAD_REFUSED.has(a.status)) a = await once('GET');
    } catch (e) {
      if (e instanceof NetError && e.kind === 'reset' && attempt < options.retries) {
        await sleep(options.backoffMs * 2 ** attempt);
        continue;
      }
      throw e;
    }
    if (a.status === 429 || a.status >= 500) {
      // A wait longer than the cap is not shortened: asking sooner would be refused again. Give up now.
      const wanted = retryAfterMs(a.headers['retry-after']);
      if (wanted !== undefined && wanted > options.maxRetryAfterMs) return { status: a.status, headers: a.headers, attempts: attempt + 1, retryAfter: Math.ceil(wanted / 1000) };
      if (attempt < options.retries) {
        await sleep(retryDelay(a.headers['retry-after'], options.backoffMs * 2 ** attempt, options.maxRetryAfterMs));
        continue;
      }
    }
    return { status: a.status, headers: a.headers, attempts: attempt + 1 };
  }
}

/** The wait a `Retry-After` asks for (seconds or an HTTP date), capped; the backoff when absent. */
export function retryDelay(header: string | undefined, backoff: number, cap: number, now = Date.now()): number {
  const ms = retryAfterMs(header, now);
  return Math.min(ms ?? backoff, cap);
}

/** The wait a `Retry-After` asks for in ms (seconds or an HTTP date), uncapped; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const s = header.trim();
  const ms = /^[0-9]+$/.test(s) ? Number(s) * 1000 : Date.parse(s) - now;
  return Number.isFinite(ms) ? Math.max(ms, 0) : undefined;
}

/** The size of the resource: `Content-Range`'s total for a 206, else `Content-Length` of an uncompressed body. */
function sizeOf(status: number, headers: Readonly<Record<string, string>>): number | undefined {
  if (status === 206) {
    const m = /\/([0-9]+)\s*$/.exec(headers['content-range'] ?? '');
    return m ? Number(m[1]) : undefined;
  }
  const encoding = headers['content-encoding'];
  if (encoding && encoding !== 'identity') return undefined;
  const len = headers['content-length'];
  return len !== undefined && /^[0-9]+$/.test(len.trim()) ? Number(len) : undefined;
}
