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
  | { readonly kind: 'status'; readonly status: number; readonly hops: readonly Hop[]; readonly attempts: number }
  | { readonly kind: 'net'; readonly net: NetKind; readonly reason: string; readonly hops: readonly Hop[] }
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
    let answer: { status: number; headers: Readonly<Record<string, string>>; attempts: number };
    try {
      answer = await ask(current, deps);
    } catch (e) {
      const n = toNetError(e);
      return { kind: 'net', net: n.kind, reason: n.message, hops };
    }
    const { status, headers } = answer;
    const location = headers.location;
    if (status >= 300 && status < 400 && location) {
      if (hops.length >= deps.options.maxRedirects) return { kind: 'redirects', hops };
      let next: string;
      try { next = new URL(location, current).href; } catch { return { kind: 'net', net: 'other', reason: 'a redirect to an invalid address', hops }; }
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
    return { kind: 'status', status, hops, attempts: answer.attempts };
  }
}

/** One address, without following redirects: HEAD, then a ranged GET if HEAD is refused; retried. */
async function ask(url: string, deps: ProbeDeps): Promise<{ status: number; headers: Readonly<Record<string, string>>; attempts: number }> {
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
    if ((a.status === 429 || a.status >= 500) && attempt < options.retries) {
      await sleep(retryDelay(a.headers['retry-after'], options.backoffMs * 2 ** attempt, options.maxRetryAfterMs));
      continue;
    }
    return { status: a.status, headers: a.headers, attempts: attempt + 1 };
  }
}

/** The wait a `Retry-After` asks for (seconds or an HTTP date), capped; the backoff when absent. */
export function retryDelay(header: string | undefined, backoff: number, cap: number, now = Date.now()): number {
  if (header === undefined) return Math.min(backoff, cap);
  const s = header.trim();
  const ms = /^[0-9]+$/.test(s) ? Number(s) * 1000 : Date.parse(s) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), cap) : Math.min(backoff, cap);
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
