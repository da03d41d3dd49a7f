import type { Fix, Origin, Path, RuleId, SourceFile, Span, Suggestion } from '../types.js';
import { isScalar } from 'yaml';
import { locate, type Target } from '../source/locate.js';

/** The values a rule's message template is filled with. */
export type MessageData = Record<string, string | number>;

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
