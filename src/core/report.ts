import type { Fix, Origin, Path, RuleId, SourceFile, Span, Suggestion } from '../types.js';
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
  const { span } = locate(at, target);
  return {
    ruleId, messageId, data, file: at.block.block.file, span, path: at.path,
    ...(fix ? { fix } : {}), ...(suggestions?.length ? { suggestions } : {}),
  };
}

/** A report at a span of a file. */
export function reportSpan(ruleId: RuleId, messageId: string, data: MessageData, file: SourceFile, span: Span): Report {
  return { ruleId, messageId, data, file, span, path: [] };
}
