import type { z } from 'zod';
import type { Fix, Origin, ParsedBlock, RuleId, Severity, SourceFile, Suggestion } from '../types.js';
import type { Fixer } from '../core/fixer.js';
import type { ModelIndex, Reads } from '../model/types.js';

export type { Reads };
import type { Target } from '../source/locate.js';

import type { MessageData } from '../core/report.js';

export type { MessageData };

export interface RuleMeta<O = unknown> {
  readonly id: RuleId;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** The severity when the rule is on and no configuration changes it. */
  readonly defaultSeverity: Severity;
  readonly fixable: boolean;
  /**
   * Reported by a pipeline stage (file reading, YAML parsing, schema validation, import
   * resolution) rather than by a `check` over the index; `online`: by `--check-urls` or
   * `--verify-weights` (src/online/), the only code that asks the network.
   */
  readonly stage?: 'file' | 'parse' | 'schema' | 'resolve' | 'directives' | 'fix' | 'online';
  /**
   * For a `stage` rule, whose file only declares its messages: the files (from the package root)
   * that detect it and report its id. test/rule-stages.test.ts checks that each names the id.
   */
  readonly detectedIn?: readonly string[];
  /**
   * `project`: the rule compares entries across files (names, collections, weights, metric
   * spreads, file existence) and runs once over the whole index, on the main thread. Without it a
   * rule looks at one entry or one block at a time, so it runs per file (in a worker thread, and
   * its results are what `--cache` keeps per file).
   */
  readonly scope?: 'project';
  /** A project rule: what it reads of each entry, or how its options say so. */
  readonly reads?: Reads | ReadsOf<O>;
  /** The address of the rule's page, for a project's own rule (milint's own are in docs/rules/). */
  readonly docs?: string;
  /** A rule that is retired: kept in the registry, never run. */
  readonly deprecated?: boolean;
}

/** `reads` from the rule's options (a method type: a rule's options narrow it). */
type ReadsOf<O> = { of(options: O): Reads }['of'];

/** What a rule declares it reads, with its options (nothing for a rule that is not a project rule). */
export function readsOf(rule: Rule, options: unknown): Reads {
  const reads = rule.meta.reads;
  return typeof reads === 'function' ? reads(options) : reads ?? {};
}

/** What a rule reports: where in the data, which message, with what data. Never a position. */
export interface RuleReport<M extends string> {
  readonly at: Origin;
  readonly target?: Target;
  readonly messageId: M;
  readonly data: MessageData;
  /** The one obviously right edit; only from a rule whose `meta.fixable` is true. */
  readonly fix?: Fix | undefined;
  /** Edits offered to the user, never applied automatically. */
  readonly suggest?: readonly (Suggestion | undefined)[];
}

/** What the run knows beyond the index, for rules about files and YAML text. */
export interface RunFacts {
  /** Every parsed block whose data the index was built from (not broken). */
  readonly blocks: readonly ParsedBlock[];
  /** Files the run linted as roots although a root model-index reached other files (orphans). */
  readonly orphans: readonly { readonly block: ParsedBlock }[];
  /** The root index of the run, relative to the root folder (`model-index.yml`), if there is one. */
  readonly rootIndex?: string;
  /** Whether a file exists; answered from facts gathered before the rules run (no IO here). */
  fileExists(absPath: string): boolean;
  /** Whether a file a reference names lies, by its real path, outside the project roots (a link out of it). */
  leadsOutside(absPath: string): boolean;
  /** The project roots references may not leave (undefined: not confined). */
  readonly confine?: readonly string[];
  /** The first file of the run (where a crashing rule is reported). */
  readonly firstFile?: SourceFile;
  /** `path:line` of a place in the data, for messages that name another place (the runner locates it). */
  where(origin: Origin): string;
}

export interface RuleContext<M extends string, O> extends RunFacts {
  readonly index: ModelIndex;
  /** The rule's options, defaults filled in by its schema. */
  readonly options: O;
  /** Builds fixes and suggestions that keep the file's quoting style. */
  readonly fixer: Fixer;
  report(report: RuleReport<M>): void;
}

export interface Rule<M extends string = string, O = unknown> {
  readonly meta: RuleMeta<O>;
  /** Message templates: each renders a full sentence from the report's data. */
  readonly messages: { readonly [K in M]: (data: MessageData) => string };
  /** Options, with defaults (`schema.parse(undefined)` must give the defaults). */
  readonly options?: z.ZodType<O>;
  readonly check?: (ctx: RuleContext<M, O>) => void;
}

/** Identity helper: lets TypeScript infer message ids and options from the definition. */
export function defineRule<M extends string, O = Record<string, never>>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

/** Quotes a value for a message, shortened to keep messages on one line. */
export function q(value: string | number | undefined): string {
  const s = String(value ?? '').replace(/\r?\n|\r/g, '\\n');
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/**
 * A file path quoted whole, since the mistake is often at its end (`.py.py`); capped only against
 * hostile input (a real path is far shorter).
 */
export function qPath(value: string | number | undefined): string {
  const s = String(value ?? '').replace(/\r?\n|\r/g, '\\n');
  return JSON.stringify(s.length > 1024 ? `${s.slice(0, 1021)}...` : s);
}
