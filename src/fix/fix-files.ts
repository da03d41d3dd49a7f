/**
 * `--fix`: lint, apply every fix, lint again on the fixed texts, until nothing is left to fix (at
 * most 10 passes, as ESLint). Before a pass's edits of a file are kept, the file is parsed again:
 * edits that would add a YAML error are dropped and reported. Nothing is written here; `writeFixes`
 * writes, refusing files that changed on disk since they were read.
 */
import { resolve } from 'node:path';
import type { Diagnostic, Fix, FileResult, SourceFile } from '../types.js';
import { lintFiles, lintText, type LintOptions, type LintRun } from '../lint/lint.js';
import { loadSource } from '../parse/load-file.js';
import { sourceFromText } from '../source/source-file.js';
import { formatOf } from '../extract/extract.js';
import { reportSpan } from '../core/report.js';
import { toDiagnostic } from '../lint/report.js';
import { applyFixes } from './apply-fixes.js';

export const MAX_PASSES = 10;

export interface FixedFile {
  readonly path: string;
  /** The text as read (with its BOM, if any). */
  readonly before: string;
  /** The text after every pass. */
  readonly after: string;
}

export interface FixRun {
  /** The final lint run: what is left after fixing. */
  readonly run: LintRun;
  readonly fixed: readonly FixedFile[];
  readonly passes: number;
}

export interface FixOptions extends LintOptions {
  /** Lint this text as the file `stdin.filename` instead of files (`--stdin --fix-dry-run`). */
  readonly stdin?: { readonly text: string; readonly filename: string };
  /** Apply only the fixes of these rules (the rule tests fix one rule at a time). */
  readonly onlyRules?: ReadonlySet<string>;
}

/** Counts the problems that mean a file no longer parses. */
function brokenCount(path: string, raw: string): number {
  const loaded = loadSource(sourceFromText(path, raw), formatOf(path) ?? 'markdown');
  return loaded.reports.filter((r) => r.ruleId === 'file/unterminated-block').length
    + loaded.blocks.reduce((n, b) => n + b.reports.filter((r) => r.ruleId === 'yaml/syntax').length, 0);
}

const raw = (f: SourceFile) => (f.bom ? `\uFEFF${f.text}` : f.text);

export function fixFiles(options: FixOptions): FixRun {
  const overlay = new Map<string, string>(options.overlay ?? []);
  const originals = new Map<string, string>();
  const dropped: { path: string; ruleId: string; line: number }[] = [];
  const notUtf8 = new Set<string>();
  const stdinPath = options.stdin ? resolve(options.cwd ?? process.cwd(), options.stdin.filename) : undefined;
  const lint = (): LintRun => options.stdin
    ? lintText(overlay.get(stdinPath!) ?? options.stdin.text, options.stdin.filename, { ...options, overlay })
    : lintFiles({ ...options, overlay });
  let run = lint();
  let passes = 0;
  while (passes < MAX_PASSES) {
    const byFile = new Map<string, { file: SourceFile; fixes: { fix: Fix; d: Diagnostic }[] }>();
    let changed = false;
    for (const r of run.results) {
      const loaded = run.resolution.files.get(r.file);
      const file = loaded?.source;
      if (!file) continue;
      // A file that is not clean UTF-8 is checked with replacement characters: written back, it
      // would lose every invalid byte, prose included. It is never rewritten.
      const lossy = loaded.reports.some((x) => x.ruleId === 'file/encoding');
      for (const d of r.diagnostics) {
        if (!d.fix || (options.onlyRules && !options.onlyRules.has(d.ruleId))) continue;
        if (lossy) { notUtf8.add(r.file); continue; }
        const entry = byFile.get(r.file) ?? { file, fixes: [] };
        entry.fixes.push({ fix: d.fix, d });
        byFile.set(r.file, entry);
      }
    }
    for (const [path, { file, fixes }] of byFile) {
      if (!originals.has(path)) originals.set(path, raw(file));
      const result = applyVerified(path, file, fixes.map((x) => ({ fix: x.fix, ruleId: x.d.ruleId, line: x.d.start.line })));
      for (const d of result.dropped) dropped.push({ path, ruleId: d.ruleId, line: d.line });
      if (result.text !== file.text) {
        overlay.set(path, withBom(file, result.text));
        changed = true;
      }
    }
    if (!changed) break;
    passes++;
    run = lint();
  }
  const fixed: FixedFile[] = [];
  for (const [path, before] of originals) {
    const after = overlay.get(path);
    if (after !== undefined && after !== before) fixed.push({ path, before, after });
  }
  return { run: withDropped(run, dropped, notUtf8), fixed, passes };
}

/**
 * Applies a pass of fixes to one file, keeping only edits after which the file parses as well as
 * before: all at once when that holds, else one by one (last first), dropping each edit that breaks it.
 */
export function applyVerified(
  path: string, file: SourceFile, fixes: readonly { fix: Fix; ruleId: string; line: number }[],
): { text: string; dropped: { ruleId: string; line: number }[] } {
  const before = brokenCount(path, raw(file));
  const all = applyFixes(file.text, fixes.map((x) => x.fix)).text;
  if (brokenCount(path, withBom(file, all)) <= before) return { text: all, dropped: [] };
  let text = file.text;
  const dropped: { ruleId: string; line: number }[] = [];
  for (const x of [...fixes].sort((a, b) => b.fix.span.start - a.fix.span.start)) {
    const next = applyFixes(text, [x.fix]).text;
    if (brokenCount(path, withBom(file, next)) > before) dropped.push({ ruleId: x.ruleId, line: x.line });
    else text = next;
  }
  return { text, dropped };
}

function withBom(file: SourceFile, text: string): string {
  return file.bom ? `\uFEFF${text}` : text;
}

/**
 * Adds a `file/fix-failed` report for each fix that was dropped because it broke the YAML, and for
 * each file left alone because it is not valid UTF-8.
 */
function withDropped(run: LintRun, dropped: readonly { path: string; ruleId: string; line: number }[], notUtf8: ReadonlySet<string>): LintRun {
  if (dropped.length === 0 && notUtf8.size === 0) return run;
  const severity = run.config.rules.get('file/fix-failed')?.severity;
  if (severity === 'off') return run;
  const results: FileResult[] = run.results.map((r) => {
    const mine = dropped.filter((x) => x.path === r.file);
    const file = run.resolution.files.get(r.file)?.source;
    if ((!mine.length && !notUtf8.has(r.file)) || !file) return r;
    const extra = mine.map((x) => toDiagnostic(reportSpan('file/fix-failed', 'brokeYaml', { rule: x.ruleId, line: x.line }, file, { start: 0, end: 0 }), severity));
    if (notUtf8.has(r.file)) extra.push(toDiagnostic(reportSpan('file/fix-failed', 'notUtf8', {}, file, { start: 0, end: 0 }), severity));
    return { ...r, diagnostics: [...extra, ...r.diagnostics] };
  });
  return { ...run, results };
}

export { writeFixes, type NotWritten, type WriteOutcome } from './write-fixes.js';
