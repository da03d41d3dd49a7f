import type { Diagnostic, Severity } from '../types.js';
import type { MessageData, Report } from '../core/report.js';
import { docsUrl, ruleById } from '../rules/index.js';

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
