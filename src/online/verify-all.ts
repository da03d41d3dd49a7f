/**
 * `--verify-weights` over the run: each distinct Weights URL that answered is downloaded once
 * (unless the cache knows its hash for the same ETag / Last-Modified), and each place it is
 * written gets the findings: sha256 prefix of the file name, size against File Size, a check
 * that could not be done.
 */
import { reportAt, type Report } from '../core/report.js';
import type { Answers, OnlineDeps } from './answers.js';
import { sameSize } from './findings.js';
import { DownloadProgress, type ProgressStream } from './progress-bar.js';
import type { Target } from './targets.js';
import { download, hashPrefixOf, type Download } from './verify.js';

/** A checkpoint's result; `offline`: `--offline` and the cache does not know its hash. */
export type Verified = Download | { readonly kind: 'offline' };

export async function verifyWeights(targets: readonly Target[], answers: Answers, earlier: readonly Report[], deps: OnlineDeps & { readonly downloads: Map<string, Verified> }, stderr: ProgressStream): Promise<Report[]> {
  const { cache, options, stats } = deps;
  const urls = [...new Set(targets.map((t) => t.href))].filter((u) => answers.get(u)?.outcome.kind === 'ok');
  const results = new Map<string, Verified>();
  for (const u of urls) if (deps.downloads.has(u)) results.set(u, deps.downloads.get(u)!);
  const progress = new DownloadProgress(stderr, urls.length - results.size);
  await Promise.all(urls.filter((u) => !results.has(u)).map(async (url) => {
    const o = answers.get(url)!.outcome;
    if (o.kind !== 'ok') return;
    // The key: the URL and what tells this version of the file from the next one.
    const key = `${url}\n${o.etag ?? o.lastModified ?? `size ${o.size ?? '?'}`}`;
    const hit = cache.get('weights', key)?.value as { sha256?: unknown; size?: unknown } | undefined;
    if (hit && typeof hit.sha256 === 'string' && typeof hit.size === 'number') {
      results.set(url, { kind: 'ok', sha256: hit.sha256, size: hit.size });
    } else if (!options.offline) {
      const d = await download(url, { client: await deps.client(), limiter: deps.limiter, options, onBytes: (n) => { stats.downloadedBytes += n; progress.add(n); } });
      // Counted as downloaded only when the whole file came (one over the cap or cut short was not).
      if (d.kind === 'ok') { stats.downloaded++; cache.set('weights', key, { sha256: d.sha256, size: d.size }); }
      results.set(url, d);
    } else {
      results.set(url, { kind: 'offline' });
    }
    progress.finishOne();
  }));
  progress.clear();
  for (const [u, d] of results) deps.downloads.set(u, d);
  const all = [...results.entries()];
  stats.verified = all.filter(([, d]) => d.kind === 'ok').length;
  stats.tooLarge = all.filter(([, d]) => d.kind === 'too-large').map(([u]) => fileNameOf(u)).sort();
  stats.failed = all.filter(([, d]) => d.kind === 'failed').length;
  const sized = new Set(earlier.filter((r) => r.ruleId === 'weights/size-mismatch').map((r) => `${r.file.path}|${r.span.start}`));
  const out: Report[] = [];
  for (const t of targets) {
    const d = results.get(t.href);
    if (!d) continue;
    const at = (ruleId: Report['ruleId'], messageId: string, data: Record<string, string | number>): Report =>
      reportAt(ruleId, messageId, { url: t.url, ...data }, t.origin);
    if (d.kind === 'too-large') { out.push(at('weights/unverified', 'tooLarge', { cap: options.maxDownloadBytes })); continue; }
    if (d.kind === 'failed') { out.push(at('weights/unverified', 'failed', { reason: d.reason })); continue; }
    if (d.kind === 'offline') { out.push(at('weights/unverified', 'offline', {})); continue; }
    const prefix = hashPrefixOf(t.url);
    if (prefix && !d.sha256.startsWith(prefix)) out.push(at('weights/hash-mismatch', 'differs', { expected: prefix, actual: d.sha256 }));
    const r = at('weights/size-mismatch', 'differs', { expected: t.fileSize?.written ?? '', actual: d.size, how: 'downloaded' });
    if (t.fileSize && !sameSize(t.fileSize.bytes, d.size, t.fileSize.rounded) && !sized.has(`${r.file.path}|${r.span.start}`)) out.push(r);
  }
  return out;
}

/** The last part of a URL's path, for the summary line (left encoded: it reaches the terminal). */
function fileNameOf(href: string): string {
  const path = href.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1) || href;
}
