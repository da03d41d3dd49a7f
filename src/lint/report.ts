import type { Diagnostic, Fix, Origin, Path, RuleId, Severity, SourceFile, Span, Suggestion } from '../types.js';
import { isScalar } from 'yaml';
import { locate, type Target } from '../source/locate.js';
import { docsUrl, ruleById } from '../rules/index.js';
import type { MessageData } from '../rules/define-rule.js';

/** A problem before its message and position are rendered: the currency of every stage. */
export interface Report {
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly data: MessageData;
  readonly file: SourceFile;
  readonly span: Span;
  readonly path: Path;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
}

/** A report at a place in a block's data. */
export function reportAt(ruleId: RuleId, messageId: string, data: MessageData, at: Origin, target: Target = 'value', fix?: Fix, suggestions?: readonly Suggestion[]): Report {
  const found = locate(at, target);
  const span = isBlockScalar(found.node) ? blockContent(found.span, at.block.block.file.text) : found.span;
  return {
    ruleId, messageId, data, file: at.block.block.file, span, path: at.path,
    ...(fix ? { fix } : {}), ...(suggestions?.length ? { suggestions } : {}),
  };
}

function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');
}

/** A `>-` or `|` value is reported at its text, on the line after the indicator, not at the indicator. */
function blockContent(span: Span, text: string): Span {
  const nl = text.indexOf('\n', span.start);
  if (nl === -1 || nl >= span.end) return span;
  let start = nl + 1;
  while (start < span.end && /\s/.test(text[start]!)) start++;
  let end = span.end;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : span;
}

/** A report at a span of a file. */
export function reportSpan(ruleId: RuleId, messageId: string, data: MessageData, file: SourceFile, span: Span): Report {
  return { ruleId, messageId, data, file, span, path: [] };
}

/**
 * Renders a report into a diagnostic: the message from the rule's template, positions from the
 * file's line index. Guards the rule contract: an unknown message id, a fix from a rule that is
 * not fixable, or a span outside the file is a programming error (TypeError).
 */
export function toDiagnostic(report: Report, severity?: Severity): Diagnostic {
  const rule = ruleById(report.ruleId);
  const render = (rule.messages as Record<string, ((d: MessageData) => string) | undefined>)[report.messageId];
  if (!render) throw new TypeError(`rule ${report.ruleId} has no message ${report.messageId}`);
  if (report.fix && !rule.meta.fixable) throw new TypeError(`rule ${report.ruleId} is not fixable but reported a fix`);
  const { span, file } = report;
  for (const s of [span, ...(report.fix ? [report.fix.span] : []), ...(report.suggestions ?? []).map((x) => x.fix.span)]) {
    if (s.start < 0 || s.end < s.start || s.end > file.length) {
      throw new TypeError(`rule ${report.ruleId} reported span ${s.start}-${s.end} outside ${file.path} (length ${file.length})`);
    }
  }
  return {
    ruleId: report.ruleId,
    messageId: report.messageId,
    severity: severity ?? rule.meta.defaultSeverity,
    message: render(report.data),
    data: report.data,
    file: file.path,
    span,
    start: file.lines.position(span.start),
    end: file.lines.position(span.end),
    path: report.path,
    docsUrl: docsUrl(report.ruleId),
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.suggestions?.length ? { suggestions: report.suggestions } : {}),
  };
}
