/**
 * From the engine's shapes to the protocol's. The engine counts offsets and 1-based lines and
 * columns in the text without its BOM; the protocol counts 0-based lines and UTF-16 characters in
 * the editor's text, which may keep the BOM (it then sits before the first character of line 0).
 */
import {
  DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position as LspPosition, type Range, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Fix, Position, Severity } from '../types.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** 1 when the editor's text starts with a BOM (the engine's offsets start after it). */
export function bomShift(doc: TextDocument): number {
  return doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
}

function position(p: Position, shift: number): LspPosition {
  return { line: p.line - 1, character: p.column - 1 + (p.line === 1 ? shift : 0) };
}

export function toLspDiagnostic(d: Diagnostic, shift: number): LspDiagnostic {
  return {
    range: { start: position(d.start, shift), end: position(d.end, shift) },
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    ...(d.docsUrl ? { codeDescription: { href: d.docsUrl } } : {}),
    source: 'milint',
    message: d.message,
  };
}

/** The range of an engine span (offsets in the text without BOM). */
export function rangeOf(doc: TextDocument, span: { start: number; end: number }): Range {
  const shift = bomShift(doc);
  return { start: doc.positionAt(span.start + shift), end: doc.positionAt(span.end + shift) };
}

export function toTextEdit(doc: TextDocument, fix: Fix): TextEdit {
  return { range: rangeOf(doc, fix.span), newText: fix.text };
}

/** Whether two ranges share a character, or touch (a cursor at either end counts). */
export function touches(a: Range, b: Range): boolean {
  const before = (p: LspPosition, q: LspPosition) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
