/**
 * GitLab Code Quality: a JSON array of issues with a description, the rule as check name, a
 * fingerprint unique in the report and stable across runs, a severity and a location.
 * @see https://docs.gitlab.com/ee/ci/testing/code_quality.html#code-quality-report-format
 */
import type { Diagnostic } from '../types.js';
import type { Formatter } from './types.js';
import { fingerprint, repoPath } from './paths.js';
import { safeJson } from '../io/sanitize.js';

/** Problems that stop a file or block from being read at all. */
const UNREADABLE = new Set(['yaml/syntax', 'yaml/resource-limit', 'file/encoding', 'file/unreadable', 'file/unterminated-block']);

/** Severity: a file or block that cannot be read is critical; other errors major; warnings minor. */
function severity(d: Diagnostic): 'info' | 'minor' | 'major' | 'critical' | 'blocker' {
  if (d.severity === 'info') return 'info';
  if (d.severity === 'warning') return 'minor';
  return UNREADABLE.has(d.ruleId) ? 'critical' : 'major';
}

export const gitlab: Formatter = (results, ctx) => {
  const seen = new Map<string, number>();
  const issues = results.flatMap((r) => {
    const path = repoPath(r.file, ctx.root ?? ctx.cwd);
    return r.diagnostics.map((d) => {
      // Two identical problems in one file get distinct fingerprints by their occurrence.
      const base = fingerprint(d, path);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return {
        type: 'issue',
        description: d.message,
        check_name: d.ruleId,
        fingerprint: n === 0 ? base.slice(0, 32) : `${base.slice(0, 28)}${String(n).padStart(4, '0')}`,
        severity: severity(d),
        location: { path, lines: { begin: d.start.line, end: d.end.line } },
      };
    });
  });
  return `${safeJson(JSON.stringify(issues, null, 2))}\n`;
};
