/**
 * `--fix` and `--fix-dry-run` with the online checks: the fixes of `url/moved` and
 * `url/https-redirect` (the new address) are applied like any other, after the offline fixes,
 * on the text those left. The caller then lints and checks the result again (cli-online.ts).
 */
import { readFileSync } from 'node:fs';
import type { FileResult } from '../types.js';
import type { LintRun } from '../lint/lint.js';
import { applyVerified, type FixedFile } from '../fix/fix-files.js';
export { withFixFailures } from '../fix/fix-failures.js';
import { ONLINE_RULES } from '../rules/index.js';


export interface OnlineEdits {
  readonly files: FixedFile[];
}

/** The edits the online fixes of `results` make to the run's files. */
export function onlineEdits(run: LintRun, results: readonly FileResult[]): OnlineEdits {
  const files: FixedFile[] = [];
  for (const r of results) {
    const mine = r.diagnostics.filter((d) => d.fix && ONLINE_RULES.has(d.ruleId));
    const source = run.resolution.files.get(r.file)?.source;
    if (mine.length === 0 || !source) continue;
    const { text } = applyVerified(r.file, source, mine.map((d) => ({ fix: d.fix!, ruleId: d.ruleId, line: d.start.line })));
    if (text === source.text) continue;
    const bom = source.bom ? '\uFEFF' : '';
    files.push({ path: r.file, before: bom + source.text, after: bom + text });
  }
  return { files };
}

/** Every file of the run as its text now stands, with the online edits on top: the state a `--fix-dry-run` diff leads to. */
export function overlayOf(run: LintRun, files: readonly FixedFile[]): Map<string, string> {
  const overlay = new Map<string, string>();
  for (const [path, loaded] of run.resolution.files) {
    const source = loaded.source;
    if (!source) continue;
    // Only texts the other fixes changed (or standard input): a file read from disk is read again
    // as it is, so that what it reports (an encoding problem, say) stays the same.
    const text = (source.bom ? '\uFEFF' : '') + source.text;
    if (text !== diskText(path)) overlay.set(path, text);
  }
  for (const f of files) overlay.set(f.path, f.after);
  return overlay;
}

function diskText(path: string): string | undefined {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
}

