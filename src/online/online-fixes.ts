/**
 * `--fix` and `--fix-dry-run` with the online checks: the fixes of `url/moved` and
 * `url/https-redirect` (the new address) are applied like any other, after the offline fixes,
 * on the text those left. Applied diagnostics leave the report; lines do not move (a link is
 * one scalar on one line), so the positions of the others stand.
 */
import type { Diagnostic, FileResult } from '../types.js';
import type { LintRun } from '../lint/lint.js';
import { applyVerified, type FixedFile } from '../fix/fix-files.js';
import { rules } from '../rules/index.js';

const ONLINE = new Set<string>(rules.filter((r) => r.meta.stage === 'online').map((r) => r.meta.id));

export interface OnlineEdits {
  readonly files: FixedFile[];
  /** The diagnostics whose fix is in `files`. */
  readonly applied: ReadonlySet<Diagnostic>;
}

/** The edits the online fixes of `results` make to the run's files. */
export function onlineEdits(run: LintRun, results: readonly FileResult[]): OnlineEdits {
  const files: FixedFile[] = [];
  const applied = new Set<Diagnostic>();
  for (const r of results) {
    const mine = r.diagnostics.filter((d) => d.fix && ONLINE.has(d.ruleId));
    const source = run.resolution.files.get(r.file)?.source;
    if (mine.length === 0 || !source) continue;
    const { text, dropped } = applyVerified(r.file, source, mine.map((d) => ({ fix: d.fix!, ruleId: d.ruleId, line: d.start.line })));
    if (text === source.text) continue;
    const bom = source.bom ? '\uFEFF' : '';
    files.push({ path: r.file, before: bom + source.text, after: bom + text });
    for (const d of mine) if (!dropped.some((x) => x.ruleId === d.ruleId && x.line === d.start.line)) applied.add(d);
  }
  return { files, applied };
}

/** The results without the diagnostics whose fix was written (files in `written` only). */
export function withoutApplied(results: readonly FileResult[], edits: OnlineEdits, written: ReadonlySet<string>): FileResult[] {
  return results.map((r) => {
    if (!written.has(r.file)) return r;
    const diagnostics = r.diagnostics.filter((d) => !edits.applied.has(d));
    return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(r), diagnostics: { value: diagnostics, enumerable: true } }) as FileResult;
  });
}
