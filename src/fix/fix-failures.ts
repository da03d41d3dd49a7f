/**
 * The findings of a `--fix` run that did not write every file: one `file/fix-failed` per file not
 * written, with the reason, and those of an earlier pass carried onto the files linted again.
 */
import type { LintRun } from '../lint/lint.js';
import { toDiagnostic } from '../lint/report.js';
import { reportSpan } from '../core/report.js';
import type { NotWritten } from './write-fixes.js';

/**
 * `next` (the files linted again, or the same run) with the `file/fix-failed` findings of the fix
 * run `from`, and one for each file of `notWritten`.
 */
export function withFixFailures(next: LintRun, from: LintRun, notWritten: readonly NotWritten[]): LintRun {
  const carried = new Map(from.results.map((r) => [r.file, r.diagnostics.filter((d) => d.ruleId === 'file/fix-failed')]));
  const setting = next.config.rules.get('file/fix-failed')?.severity;
  const severity = setting === 'off' ? undefined : setting;
  const failed = new Map(setting === 'off' ? [] : notWritten.map((n) => [n.path, n]));
  const results = next.results.map((r) => {
    const extra = next === from ? [] : [...(carried.get(r.file) ?? [])];
    const n = failed.get(r.file);
    const file = next.resolution.files.get(r.file)?.source;
    if (n && file) {
      const report = n.kind === 'changed' ? reportSpan('file/fix-failed', 'changedOnDisk', {}, file, { start: 0, end: 0 })
        : reportSpan('file/fix-failed', n.kind === 'refused' ? 'refused' : 'writeFailed', { reason: n.reason }, file, { start: 0, end: 0 });
      extra.push(toDiagnostic(report, severity));
    }
    return extra.length ? { ...r, diagnostics: [...extra, ...r.diagnostics] } : r;
  });
  return { ...next, results };
}
