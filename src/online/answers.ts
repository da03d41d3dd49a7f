/**
 * The answer of every distinct link: from the cache when it is fresh (or with `--offline`, however
 * old), else probed. A GitHub `blob`/`tree` link that is 404 has its commit probed too, to tell a
 * missing commit from a missing file. Transient failures (timeouts, resets, 429, 5xx) are not
 * cached: the next run asks again.
 */
import type { UrlCache } from '../cache/url-cache.js';
import type { HttpClient } from './http.js';
import type { Limiter } from './limiter.js';
import type { OnlineOptions } from './options.js';
import { probe, type Outcome } from './probe.js';
import type { Target } from './targets.js';
import type { OnlineStats } from './run-online.js';

export interface LinkAnswer {
  readonly outcome: Outcome;
  readonly commitMissing?: { readonly ref: string; readonly repo: string };
}

export type Answers = ReadonlyMap<string, LinkAnswer>;

export interface OnlineDeps {
  readonly client: () => Promise<HttpClient>;
  readonly limiter: Limiter;
  readonly options: OnlineOptions;
  readonly cache: UrlCache;
  readonly stats: OnlineStats;
  /** The answers already known in this run (a second pass over fixed files asks only for new links). */
  readonly memo: Map<string, LinkAnswer>;
}

export async function linkAnswers(targets: readonly Target[], deps: OnlineDeps): Promise<Answers> {
  const urls = [...new Set(targets.map((t) => t.href))];
  const out = new Map<string, LinkAnswer>();
  await Promise.all(urls.map(async (url) => {
    const known = deps.memo.get(url);
    if (known) { out.set(url, known); return; }
    const outcome = await answer(url, deps);
    if (!outcome) return;
    const commit = outcome.kind === 'status' && outcome.status === 404 ? githubCommit(url, deps.options.githubHosts) : undefined;
    if (commit) {
      const c = await answer(commit.url, deps);
      if (c?.kind === 'status' && (c.status === 404 || c.status === 422)) {
        out.set(url, { outcome, commitMissing: { ref: commit.ref, repo: commit.repo } });
        return;
      }
    }
    out.set(url, { outcome });
  }));
  for (const [url, a] of out) deps.memo.set(url, a);
  return out;
}

/** The outcome of one link, cached or probed; undefined offline when the cache does not know it. */
async function answer(url: string, deps: OnlineDeps): Promise<Outcome | undefined> {
  const { cache, options, stats } = deps;
  const hit = cache.get('urls', url);
  if (hit && (options.offline || hit.age < options.cacheTtlMs) && isOutcome(hit.value)) {
    stats.cached++;
    return hit.value;
  }
  if (options.offline) return undefined;
  const outcome = await probe(url, { client: await deps.client(), limiter: deps.limiter, options });
  if (lasting(outcome)) cache.set('urls', url, outcome);
  return outcome;
}

/** Outcomes worth keeping: not those a retry in a minute may change. */
function lasting(o: Outcome): boolean {
  if (o.kind === 'net') return o.net === 'dns';
  if (o.kind === 'status') return o.status !== 429 && o.status < 500;
  return true;
}

function isOutcome(v: unknown): v is Outcome {
  const o = v as { kind?: unknown; hops?: unknown } | null;
  return typeof o === 'object' && o !== null && ['ok', 'status', 'net', 'redirects'].includes(o.kind as string) && Array.isArray(o.hops);
}

/** For `https://github.com/<owner>/<repo>/blob|tree/<commit sha>/...`: the commit's own page. */
export function githubCommit(url: string, hosts: readonly string[]): { url: string; ref: string; repo: string } | undefined {
  let u: URL;
  try { u = new URL(url); } catch { return undefined; }
  if (!hosts.includes(u.host.toLowerCase())) return undefined;
  const m = /^\/([^/]+)\/([^/]+)\/(?:blob|tree)\/([0-9a-f]{7,40})(?:\/|$)/i.exec(u.pathname);
  if (!m) return undefined;
  return { url: `${u.origin}/${m[1]}/${m[2]}/commit/${m[3]}`, ref: m[3]!, repo: `${m[1]}/${m[2]}` };
}
