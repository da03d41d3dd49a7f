/**
 * The online checks of a lint run (`--check-urls`, `--verify-weights`): the links of the index are
 * probed (or answered from the cache), checkpoints downloaded and hashed, and what was found joins
 * the run's results as diagnostics of the `url/*` and `weights/*` rules that have `stage: 'online'`.
 * Loaded only when a flag asks for it: a normal run never imports this folder, nor undici.
 */
import type { FileResult } from '../types.js';
import type { ModelIndex } from '../model/types.js';
import type { LintRun } from '../lint/lint.js';
import type { Report } from '../core/report.js';
import { isStubEntry } from '../engine/entry-store.js';
import { UrlCache } from '../cache/url-cache.js';
import type { OnlineOptions } from './options.js';
import { targetsOf } from './targets.js';
import { Limiter } from './limiter.js';
import { HttpClient } from './http.js';
import { findingsFor, offlineFinding } from './findings.js';
import { linkAnswers, type Answers, type LinkAnswer } from './answers.js';
import { verifyWeights, type Verified } from './verify-all.js';
import { merge } from './merge-results.js';
import type { ProgressStream } from './progress-bar.js';

export interface OnlineIo {
  /** Where the progress bar goes (drawn only on a terminal). */
  readonly stderr: ProgressStream;
  /** The project folder (the cache is not written through links below it). */
  readonly root: string;
  /** The run again with every entry in full, for runs whose entries are file summaries. */
  readonly relint?: () => LintRun;
}

export interface OnlineResult {
  readonly results: FileResult[];
  /** One line for stderr: requests made, cached answers, time. */
  readonly summary: string;
  /** Why the cache could not be written, if it could not. */
  readonly cacheError?: string;
  readonly stats: OnlineStats;
}

export interface OnlineStats {
  links: number;
  requests: number;
  cached: number;
  /** `--offline`: links the cache had no answer for. */
  unknown: number;
  /** Links written as http(s) that are not valid URLs: not asked. */
  invalid: number;
  verified: number;
  /** Checkpoints downloaded in full (not those over the cap or cut short). */
  downloaded: number;
  /** Bytes received, whole downloads or not. */
  downloadedBytes: number;
  /** The file names of the checkpoints over `--max-download-size`. */
  tooLarge: string[];
  /** Downloads that failed. */
  failed: number;
}

/**
 * What one run has learnt, kept across passes: after `--fix` writes new links, the files are
 * linted and checked again, and only the new links are asked.
 */
export interface OnlineSession {
  readonly stats: OnlineStats;
  readonly links: Set<string>;
  readonly answers: Map<string, LinkAnswer>;
  readonly downloads: Map<string, Verified>;
  readonly started: number;
}

export function newSession(): OnlineSession {
  return {
    stats: { links: 0, requests: 0, cached: 0, unknown: 0, invalid: 0, verified: 0, downloaded: 0, downloadedBytes: 0, tooLarge: [], failed: 0 },
    links: new Set(), answers: new Map(), downloads: new Map(), started: performance.now(),
  };
}

export async function onlineChecks(run: LintRun, options: OnlineOptions, io: OnlineIo, session = newSession()): Promise<OnlineResult> {
  const index = hasStubs(run.index) && io.relint ? io.relint().index : run.index;
  const reported = new Set(run.results.map((r) => r.file));
  const all = targetsOf(index).filter((t) => reported.has(t.origin.block.block.file.path)
    && (options.checkUrls || t.field === 'Weights'));
  // A link that no URL parser reads (`https://exa mple.com/`) cannot be asked: counted, never silently skipped.
  const targets = all.filter((t) => t.href !== '');
  const cache = UrlCache.open(options.cacheDir);
  const { stats } = session;
  for (const t of targets) session.links.add(t.href);
  stats.links = session.links.size;
  stats.invalid = new Set(all.filter((t) => t.href === '').map((t) => t.url)).size;
  // The client (and undici) is made on the first request: an offline run, or one answered from the cache, makes none.
  let client: Promise<HttpClient> | undefined;
  const deps = {
    client: () => (client ??= HttpClient.create(options)),
    limiter: new Limiter(options.perHost, options.total),
    options, cache, stats, memo: session.answers, downloads: session.downloads,
  };
  const names = [...new Set(index.models.map((m) => m.name?.value).filter((n): n is string => typeof n === 'string'))];
  const extra = { timeoutMs: options.timeoutMs, maxRetryAfterMs: options.maxRetryAfterMs, names };
  const reports: Report[] = [];
  try {
    const answers: Answers = await linkAnswers(targets, deps);
    stats.unknown = new Set(targets.filter((t) => !answers.has(t.href)).map((t) => t.href)).size;
    for (const t of targets) {
      const a = answers.get(t.href);
      // Offline, a link the cache does not know is reported: a run that checked nothing must not look clean.
      if (!a) { if (options.offline) reports.push(offlineFinding(t)); continue; }
      reports.push(...findingsFor(t, a.outcome, { ...(a.commitMissing ? { commitMissing: a.commitMissing } : {}), ...extra }));
    }
    if (options.verifyWeights) reports.push(...await verifyWeights(targets.filter((t) => t.field === 'Weights'), answers, reports, deps, io.stderr));
  } finally {
    const c = await client?.catch(() => undefined);
    if (c) {
      stats.requests += c.requests;
      await c.close();
    }
  }
  const cacheError = cache.save(io.root);
  const results = merge(run, reports);
  return { results, summary: summaryLine(stats, options, performance.now() - session.started), ...(cacheError ? { cacheError } : {}), stats };
}

/** Whether the index holds entries known only by a file summary (they lack most link fields). */
function hasStubs(index: ModelIndex): boolean {
  return [index.models, index.collections, index.libraries].some((l) => l.some(isStubEntry));
}

/** `milint: 272 links checked: 272 requests, 0 cached answers, 1.4 s` (+ what --verify-weights did). */
export function summaryLine(s: OnlineStats, options: OnlineOptions, ms: number): string {
  const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const parts = [plural(s.requests, 'request'), plural(s.cached, 'cached answer')];
  if (s.unknown) parts.push(`${s.unknown} not in the cache (--offline)`);
  if (s.invalid) parts.push(`${plural(s.invalid, 'link')} not checked (not a valid URL)`);
  let line = `milint: ${plural(s.links, 'link')} checked${options.offline ? ' offline' : ''}: ${parts.join(', ')}`;
  if (options.verifyWeights) {
    line += `; ${plural(s.verified, 'checkpoint')} verified, ${s.downloaded} downloaded (${s.downloadedBytes} bytes)`;
    if (s.tooLarge.length) line += `; ${s.tooLarge.length} over the ${options.maxDownloadBytes}-byte cap, not verified: ${s.tooLarge.join(', ')}`;
    if (s.failed) line += `; ${plural(s.failed, 'download')} failed`;
  }
  return `${line}; ${(ms / 1000).toFixed(1)} s`;
}

