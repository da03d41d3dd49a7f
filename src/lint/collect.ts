import type { Diagnostic, FileResult, SourceFile } from '../types.js';
import type { EffectiveConfig } from '../config/types.js';
import { reportSpan, type Report } from '../core/report.js';
import { toDiagnostic } from './report.js';

/**
 * Groups reports by file and renders them: severities from the configuration (a rule that is off
 * drops its reports), sorted by offset, then rule id, then message id; exact duplicates removed.
 * Every file in `files` gets a result, with or without problems; results are sorted by path.
 */
export function collect(
  reports: readonly Report[], files: Iterable<SourceFile>, config?: EffectiveConfig, rendered?: ReadonlyMap<string, readonly Diagnostic[]>,
): FileResult[] {
  const byFile = new Map<string, { file: SourceFile; diagnostics: Diagnostic[]; keys: Set<string> }>();
  for (const f of files) {
    // Diagnostics rendered already (files linted on their own) join the rest, deduplicated alike.
    const entry = { file: f, diagnostics: [] as Diagnostic[], keys: new Set<string>() };
    for (const d of rendered?.get(f.path) ?? []) {
      const key = keyOf(d);
      if (entry.keys.has(key)) continue;
      entry.keys.add(key);
      entry.diagnostics.push(d);
    }
    byFile.set(f.path, entry);
  }
  for (const r of reports) {
    const severity = config?.rules.get(r.ruleId)?.severity;
    if (severity === 'off') continue;
    let entry = byFile.get(r.file.path);
    if (!entry) { entry = { file: r.file, diagnostics: [], keys: new Set() }; byFile.set(r.file.path, entry); }
    const key = keyOf(r);
    if (entry.keys.has(key)) continue;
    entry.keys.add(key);
    entry.diagnostics.push(toDiagnostic(r, severity));
  }
  const results: FileResult[] = [];
  for (const [path, entry] of byFile) {
    const { file } = entry;
    // A file with findings is read now if its text was released: one that changed on disk since it
    // was checked has findings at positions that no longer exist; they give way to one that says so.
    if (entry.diagnostics.length > 0 && (void file.text, file.changed)) {
      const severity = config?.rules.get('file/unreadable')?.severity;
      entry.diagnostics = severity === 'off' ? [] : [toDiagnostic(reportSpan('file/unreadable', 'changed', {}, file, { start: 0, end: 0 }), severity)];
    }
    const { diagnostics } = entry;
    diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end
      || cmp(a.ruleId, b.ruleId) || cmp(a.messageId, b.messageId));
    // The text is fetched only by a formatter that shows it (code frames of files with problems).
    results.push({ file: path, diagnostics, get source() { return file.changed ? undefined : file.text; } });
  }
  return results.sort((a, b) => cmp(a.file, b.file));
}

function keyOf(r: Pick<Report, 'ruleId' | 'messageId' | 'span' | 'data'>): string {
  return `${r.ruleId}|${r.messageId}|${r.span.start}|${r.span.end}|${JSON.stringify(r.data)}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
