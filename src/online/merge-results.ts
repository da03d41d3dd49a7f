/**
 * The online findings joined to a run's results: severities from the configuration (`off` drops
 * a finding), one finding per place and kind, in position order.
 */
import type { Diagnostic, FileResult } from '../types.js';
import type { LintRun } from '../lint/lint.js';
import { toDiagnostic } from '../lint/report.js';
import type { Report } from '../core/report.js';
import { blockSpans, unsuppressed } from '../lint/directives.js';

/** The run's results with the online diagnostics added (severity from the configuration; `off` drops them). */
export function merge(run: LintRun, reports: readonly Report[]): FileResult[] {
  const byFile = new Map<string, Diagnostic[]>();
  const seen = new Set<string>();
  for (const r of withoutDisabled(run, reports)) {
    const severity = run.config.rules.get(r.ruleId)?.severity;
    if (severity === 'off') continue;
    const key = `${r.file.path}|${r.ruleId}|${r.messageId}|${r.span.start}|${JSON.stringify(r.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFile.get(r.file.path) ?? [];
    list.push(toDiagnostic(r, severity));
    byFile.set(r.file.path, list);
  }
  return run.results.map((r) => {
    const extra = byFile.get(r.file);
    if (!extra) return r;
    const diagnostics = [...r.diagnostics, ...extra].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end
      || cmp(a.ruleId, b.ruleId) || cmp(a.messageId, b.messageId));
    // Keeps the lazy `source` getter of the result (its text is read only by a formatter that shows it).
    return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(r), diagnostics: { value: diagnostics, enumerable: true } }) as FileResult;
  });
}

/** The reports no inline directive of their file suppresses. */
function withoutDisabled(run: LintRun, reports: readonly Report[]): Report[] {
  const byFile = new Map<string, Report[]>();
  for (const r of reports) byFile.set(r.file.path, [...(byFile.get(r.file.path) ?? []), r]);
  const out: Report[] = [];
  for (const [path, list] of byFile) {
    const f = run.resolution.files.get(path);
    if (!f) { out.push(...list); continue; }
    out.push(...unsuppressed(list, f.source, f.format, blockSpans(f)));
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
