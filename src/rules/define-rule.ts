import type { Fix, Origin, RuleId, Severity } from '../types.js';
import type { ModelIndex } from '../model/types.js';
import type { Target } from '../source/locate.js';

export type MessageData = Record<string, string | number>;

export interface RuleMeta {
  readonly id: RuleId;
  /** One sentence: what the rule checks. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  /**
   * Reported by a pipeline stage (file reading, YAML parsing, schema validation, import
   * resolution) rather than by a `check` over the index.
   */
  readonly stage?: 'file' | 'parse' | 'schema' | 'resolve';
}

/** What a rule reports: where in the data, which message, with what data. Never a position. */
export interface RuleReport<M extends string> {
  readonly at: Origin;
  readonly target?: Target;
  readonly messageId: M;
  readonly data: MessageData;
  readonly fix?: Fix;
}

export interface RuleContext<M extends string> {
  readonly index: ModelIndex;
  /** Whether a file exists; answered from facts gathered before the rules run (no IO here). */
  fileExists(absPath: string): boolean;
  report(report: RuleReport<M>): void;
}

export interface Rule<M extends string = string> {
  readonly meta: RuleMeta;
  /** Message templates: each renders a full sentence from the report's data. */
  readonly messages: { readonly [K in M]: (data: MessageData) => string };
  readonly check?: (ctx: RuleContext<M>) => void;
}

/** Identity helper: lets TypeScript infer message ids from `messages`. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Quotes a value for a message, shortened to keep messages on one line. */
export function q(value: string | number | undefined): string {
  const s = String(value ?? "").replace(/\r?\n|\r/g, '\\n');
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}
