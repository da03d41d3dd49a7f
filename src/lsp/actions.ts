/**
 * Code actions for the diagnostics under the cursor: each fix and each suggestion as a quick
 * fix, fix-all for the file (`--fix`'s passes, on the buffer), and an inline disable for the line
 * in the syntax the place takes (see directives.ts: YAML comments inside blocks, HTML comments
 * elsewhere in Markdown; JSON has no comments, so none is offered there).
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../types.js';
import { formatOf } from '../extract/extract.js';
import { applyFixes } from '../fix/apply-fixes.js';
import { MAX_PASSES } from '../fix/fix-files.js';
import { cursorAt } from './cursor.js';
import { bomShift, rangeOf, toLspDiagnostic, toTextEdit, touches } from './convert.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.milint`;

/** Lints the file with `text` in place of its buffer; its diagnostics. */
export type Relint = (text: string) => readonly Diagnostic[];

export function codeActions(
  doc: TextDocument, path: string, diagnostics: readonly Diagnostic[], range: Range, only: readonly string[] | undefined, relint: Relint,
): CodeAction[] {
  const shift = bomShift(doc);
  const out: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const here = diagnostics.filter((d) => touches(toLspDiagnostic(d, shift).range, range));
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of here) {
      const lsp = toLspDiagnostic(d, shift);
      if (d.fix) out.push(quickFix(`Fix: ${d.message}`, doc, [toTextEdit(doc, d.fix)], lsp, true));
      for (const s of d.suggestions ?? []) out.push(quickFix(s.desc, doc, [toTextEdit(doc, s.fix)], lsp, false));
    }
  }
  const fixable = diagnostics.some((d) => d.fix);
  if (fixable && (wants(CodeActionKind.QuickFix) || wants(FIX_ALL_KIND))) {
    const all = fixAll(doc, relint);
    if (all) out.push({ title: 'Fix all milint problems in this file', kind: wants(FIX_ALL_KIND) && only ? FIX_ALL_KIND : CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: [all] } } });
  }
  if (wants(CodeActionKind.QuickFix) && formatOf(path) !== 'json') {
    const seen = new Set<string>();
    for (const d of here) {
      const key = `${d.ruleId}@${d.start.line}`;
      // An unused or unknown directive cannot itself be disabled.
      if (seen.has(key) || d.ruleId === 'file/unused-disable') continue;
      seen.add(key);
      out.push(quickFix(`Disable ${d.ruleId} for this line`, doc, [disableLine(doc, path, d)], toLspDiagnostic(d, shift), false));
    }
  }
  return out;
}

function quickFix(title: string, doc: TextDocument, edits: TextEdit[], diagnostic: ReturnType<typeof toLspDiagnostic>, preferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [doc.uri]: edits } } };
}

/** Every fix, pass after pass as `--fix` does, as one edit of the whole text (undefined: nothing changes). */
export function fixAll(doc: TextDocument, relint: Relint): TextEdit | undefined {
  const shift = bomShift(doc);
  const original = doc.getText().slice(shift);
  let text = original;
  let diagnostics = relint(doc.getText());
  const broken = (ds: readonly Diagnostic[]) => ds.filter((d) => d.ruleId === 'yaml/syntax' || d.ruleId === 'file/unterminated-block').length;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes).text;
    if (next === text) break;
    const after = relint(`${shift ? '\uFEFF' : ''}${next}`);
    // A pass that breaks the YAML is not kept (as `--fix` drops it).
    if (broken(after) > broken(diagnostics)) break;
    text = next;
    diagnostics = after;
  }
  if (text === original) return undefined;
  return { range: rangeOf(doc, { start: 0, end: original.length }), newText: text };
}

/** A `disable-next-line` directive on a line of its own above the diagnostic's line. */
function disableLine(doc: TextDocument, path: string, d: Diagnostic): TextEdit {
  const line = d.start.line - 1;
  const at = { line, character: 0 };
  const c = cursorAt(path, doc.getText(), line, 0);
  const indent = /^\s*/.exec(c.line)![0];
  // YAML comments count inside a block only: the line above must be in it too.
  const lineStart = doc.offsetAt(at) - bomShift(doc);
  const inBlock = c.block !== undefined && lineStart > c.block.start && formatOf(path) !== 'json';
  const yaml = formatOf(path) === 'yaml' || inBlock;
  const text = yaml ? `${indent}# milint-disable-next-line ${d.ruleId}\n` : `<!-- milint-disable-next-line ${d.ruleId} -->\n`;
  return { range: { start: at, end: at }, newText: text };
}
