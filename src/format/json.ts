import type { Diagnostic, FileResult } from '../types.js';
import type { Formatter } from './types.js';
import { safeJson } from '../io/sanitize.js';

/**
 * ESLint's JSON result shape, so tools that read ESLint's output read ours: one object per file
 * with `messages` (severity 2 = error, 1 = warning or info) and the counts. Syntax errors count
 * as fatal, as ESLint counts parse errors. Control and bidi characters in strings are `\u` escapes.
 */
export const json: Formatter = (results) => safeJson(JSON.stringify(results.map(toEslint)));

export function toEslint(r: FileResult) {
  const count = (pred: (d: Diagnostic) => boolean) => r.diagnostics.filter(pred).length;
  return {
    filePath: r.file,
    messages: r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : 1,
      message: d.message,
      messageId: d.messageId,
      line: d.start.line,
      column: d.start.column,
      endLine: d.end.line,
      endColumn: d.end.column,
      ...(d.fix ? { fix: { range: [d.fix.span.start, d.fix.span.end], text: d.fix.text } } : {}),
      ...(d.suggestions?.length ? { suggestions: d.suggestions.map((x) => ({ desc: x.desc, fix: { range: [x.fix.span.start, x.fix.span.end], text: x.fix.text } })) } : {}),
    })),
    suppressedMessages: [],
    errorCount: count((d) => d.severity === 'error'),
    fatalErrorCount: count((d) => d.severity === 'error' && d.ruleId === 'yaml/syntax'),
    warningCount: count((d) => d.severity !== 'error'),
    fixableErrorCount: count((d) => d.severity === 'error' && d.fix !== undefined),
    fixableWarningCount: count((d) => d.severity !== 'error' && d.fix !== undefined),
    usedDeprecatedRules: [],
  };
}
