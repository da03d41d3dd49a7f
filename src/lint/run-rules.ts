import type { ModelIndex } from '../model/types.js';
import { readsOf, type Rule, type RuleContext, type RuleReport, type RunFacts } from '../rules/define-rule.js';
import { readsGuard, withReads, type ReadsGuard } from '../model/reads.js';
import type { EffectiveConfig } from '../config/types.js';
import { reportAt, reportSpan, type Report } from '../core/report.js';
import type { Origin, RuleId, SourceFile, Suggestion } from '../types.js';
import { fixer } from '../core/fixer.js';
import { forgetIndexLists } from '../rules/helpers/per-index.js';

/** A rule that runs, with its options and, for a project rule, the guard of what it reads. */
type Active = readonly [rule: Rule, options: unknown, reads: ReadsGuard | undefined];

/** The rules of a list that are on in a configuration, worked out once per list and configuration. */
const activeCache = new WeakMap<readonly Rule[], WeakMap<EffectiveConfig, readonly Active[]>>();

export function activeRules(rules: readonly Rule[], config: EffectiveConfig): readonly Active[] {
  let byConfig = activeCache.get(rules);
  if (!byConfig) activeCache.set(rules, (byConfig = new WeakMap()));
  let list = byConfig.get(config);
  if (!list) {
    const on: Active[] = [];
    for (const rule of rules) {
      const setting = config.rules.get(rule.meta.id);
      if (!rule.check || rule.meta.deprecated || !setting || setting.severity === 'off') continue;
      on.push([rule, setting.options, rule.meta.scope === 'project' ? readsGuard(rule.meta.id, readsOf(rule, setting.options)) : undefined]);
    }
    byConfig.set(config, (list = on));
  }
  return list;
}

/**
 * What every rule of one call sees. One context serves every rule of the call (a rule must not
 * keep it): building one per rule and file cost more than most rules take to run. A class, so
 * that every context has the same shape.
 */
class Context implements RuleContext<string, unknown> {
  private readonly allBlocks: RunFacts['blocks'];
  /** Whether the running rule is a project rule (it reads entries, not blocks). */
  project = false;
  readonly orphans: RunFacts['orphans'];
  readonly rootIndex: string | undefined;
  readonly confine: readonly string[] | undefined;
  readonly firstFile: SourceFile | undefined;
  readonly fixer = fixer;
  options: unknown = undefined;
  ruleId: RuleId = 'file/internal-error';
  /** The running rule, when it is a project's own (its reports are checked as they are made). */
  custom: Rule | undefined;
  /** The current rule's reports (kept apart until it returns: a rule that throws loses them). */
  mine: Report[] = [];

  constructor(private readonly facts: RunFacts, readonly index: ModelIndex) {
    this.allBlocks = facts.blocks;
    this.orphans = facts.orphans;
    this.rootIndex = facts.rootIndex;
    this.confine = facts.confine;
    this.firstFile = facts.firstFile;
  }

  /**
   * Blocks are per-file rules' to read: a file linted on its own keeps none for the project rules,
   * which read the index's entries (what they declare in `meta.reads`).
   */
  get blocks(): RunFacts['blocks'] {
    if (this.project) throw new TypeError(`rule ${this.ruleId} reads ctx.blocks, which only per-file rules see: a project rule reads ctx.index (its meta.reads)`);
    return this.allBlocks;
  }

  fileExists(absPath: string): boolean { return this.facts.fileExists(absPath); }
  leadsOutside(absPath: string): boolean { return this.facts.leadsOutside(absPath); }
  where(origin: Origin): string { return this.facts.where(origin); }

  report(r: RuleReport<string>): void {
    if (this.custom) checkCustomReport(this.custom, r);
    const suggestions = (r.suggest ?? []).filter((x): x is Suggestion => x !== undefined);
    this.mine.push(reportAt(this.ruleId, r.messageId, r.data, r.at, r.target ?? 'value', r.fix, suggestions));
  }
}

/**
 * A project's own rule's report, checked where it is made (so that a mistake in it is that rule's
 * failure, not the run's): a message it defines and can render, a fix only if it is fixable.
 */
function checkCustomReport(rule: Rule, r: RuleReport<string>): void {
  const render = (rule.messages as Record<string, unknown>)[r.messageId];
  if (typeof render !== 'function') throw new TypeError(`it reported message "${r.messageId}", which its messages do not define`);
  if (r.fix && !rule.meta.fixable) throw new TypeError('it reported a fix, but its meta.fixable is not true');
  if (typeof (render as (d: unknown) => unknown)(r.data ?? {}) !== 'string') throw new TypeError(`its message "${r.messageId}" does not give a string`);
}

/**
 * Runs every rule that is on and has a `check`. Rules report where in the data; this turns each
 * report into a span. An exception inside a rule is a bug in milint: the rule's reports are
 * dropped, a `file/internal-error` diagnostic names it (on the first file of the call: the file
 * itself when it is linted on its own), and the other rules still run.
 */
export function runRules(rules: readonly Rule[], index: ModelIndex, facts: RunFacts, config: EffectiveConfig): Report[] {
  const out: Report[] = [];
  const ctx = new Context(facts, index);
  try {
    for (const [rule, options, reads] of activeRules(rules, config)) {
      ctx.ruleId = rule.meta.id;
      ctx.custom = rule.meta.id.startsWith('custom/') ? rule : undefined;
      ctx.project = rule.meta.scope === 'project';
      ctx.mine = [];
      ctx.options = options;
      try {
        // A project rule sees what it declared it reads, whichever engine made the entries.
        if (reads) withReads(reads, () => rule.check!(ctx));
        else rule.check!(ctx);
        for (const r of ctx.mine) out.push(r);
      } catch (cause) {
        const file = facts.firstFile ?? facts.blocks[0]?.block.file;
        if (!file) throw new Error(`rule ${rule.meta.id} failed`, { cause });
        const error = cause instanceof Error ? cause.message : String(cause);
        const messageId = rule.meta.id.startsWith('custom/') ? 'customFailed' : 'failed';
        out.push(reportSpan('file/internal-error', messageId, { rule: rule.meta.id, error }, file, { start: 0, end: 0 }));
      }
    }
  } finally {
    forgetIndexLists();
  }
  return out;
}
