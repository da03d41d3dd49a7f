/**
 * From what a link answered to reports, each at the place the link is written. Detection only:
 * the wording is in the rules' messages (src/rules/url/, src/rules/weights/).
 */
import type { Fix } from '../types.js';
import { reportAt, type Report } from '../core/report.js';
import { fixer } from '../core/fixer.js';
import { betterOwner } from '../rules/helpers/weights-name.js';
import type { Target } from './targets.js';
import type { Outcome } from './probe.js';

/** What else is known about a link: for a GitHub link that is 404, whether its commit is missing too. */
export interface Extra {
  readonly commitMissing?: { readonly ref: string; readonly repo: string };
  readonly timeoutMs: number;
  /** The longest Retry-After waited for, in ms (for the message of one longer). */
  readonly maxRetryAfterMs?: number;
  /** The names of the index's models: a Weights link that moved to another model's checkpoint is noted. */
  readonly names?: readonly string[];
}

/** The report for a link `--offline` could not answer: the cache does not know it. */
export function offlineFinding(t: Target): Report {
  return reportAt('url/unreachable', 'offline', { field: t.field, url: t.url }, t.origin, 'value');
}

/** The reports for one link. */
export function findingsFor(t: Target, o: Outcome, extra: Extra): Report[] {
  const at = (ruleId: Report['ruleId'], messageId: string, data: Record<string, string | number>, fix?: Fix): Report =>
    reportAt(ruleId, messageId, { field: t.field, url: t.url, ...data }, t.origin, 'value', fix);
  switch (o.kind) {
    case 'ok': {
      const out: Report[] = [];
      const moved = redirectFinding(t, o.hops);
      const other = moved?.ruleId === 'url/moved' && t.model && extra.names ? betterOwner(t.model, moved.target, extra.names) : undefined;
      if (moved && other) moved.data = { ...moved.data, other };
      if (moved) out.push(at(moved.ruleId, moved.messageId, moved.data, fixer.replaceString(t.origin, moved.target)));
      if (t.fileSize && o.size !== undefined && !sameSize(t.fileSize.bytes, o.size, t.fileSize.rounded)) {
        out.push(at('weights/size-mismatch', 'differs', { expected: t.fileSize.written, actual: o.size, how: 'Content-Length' }));
      }
      return out;
    }
    case 'status':
      if (o.status === 404 && extra.commitMissing) return [at('url/commit-not-found', 'missing', { ...extra.commitMissing })];
      if (o.status === 404 || o.status === 410) return [at('url/dead-link', 'gone', { status: o.status })];
      if (o.retryAfter !== undefined) return [at('url/unreachable', 'rateLimited', { status: o.status, retryAfter: o.retryAfter, cap: (extra.maxRetryAfterMs ?? 30_000) / 1000 })];
      if (o.status >= 300 && o.status < 400) return [at('url/unreachable', 'noLocation', { status: o.status })];
      return [at('url/unreachable', 'status', { status: o.status, attempts: o.attempts })];
    case 'net':
      if (o.net === 'dns') return [at('url/dead-link', 'dns', { host: hostOf(o.hops.at(-1)?.to ?? t.url) })];
      if (o.net === 'timeout') return [at('url/unreachable', 'timeout', { seconds: extra.timeoutMs / 1000 })];
      return [at('url/unreachable', 'network', { reason: o.reason, ...(o.code ? { code: o.code } : {}) })];
    case 'redirects':
      return [at('url/unreachable', 'redirects', { max: o.hops.length })];
  }
}

/**
 * A redirect worth a report: the permanent ones at the start of the chain lead to a new address
 * (`url/moved`), or an http link is sent to itself on https (`url/https-redirect`).
 */
function redirectFinding(t: Target, hops: Outcome['hops']): { ruleId: 'url/moved' | 'url/https-redirect'; messageId: string; data: Record<string, string | number>; target: string } | undefined {
  let permanent: { status: number; to: string } | undefined;
  for (const h of hops) {
    if (h.status !== 301 && h.status !== 308) break;
    permanent = h;
  }
  const secure = /^http:\/\//i.test(t.url) ? `https://${t.url.slice(7)}` : undefined;
  const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && normal(a) === normal(b);
  if (secure && (same(permanent?.to, secure) || (!permanent && same(hops[0]?.to, secure)))) {
    return { ruleId: 'url/https-redirect', messageId: 'upgrade', data: { target: secure }, target: secure };
  }
  if (permanent && !same(permanent.to, t.url)) {
    return { ruleId: 'url/moved', messageId: 'permanent', data: { status: permanent.status, target: permanent.to }, target: permanent.to };
  }
  return undefined;
}

function normal(url: string): string {
  try { return new URL(url).href; } catch { return url; }
}

function hostOf(url: string): string {
  try { return new URL(url).hostname; } catch { return url; }
}

/** Whether a written File Size and a server's size agree: exactly, or within 1% when written with a unit (either 1000 or 1024 based). */
export function sameSize(expected: number, actual: number, rounded: boolean): boolean {
  if (!rounded) return expected === actual;
  return [1, 1.024, 1.024 ** 2, 1.024 ** 3].some((k) => Math.abs(actual / (expected * k) - 1) <= 0.01);
}
