import type { ModelIndex } from '../model/types.js';
import type { Rule, RuleReport, RunFacts } from '../rules/define-rule.js';
import type { EffectiveConfig } from '../config/types.js';
import { reportAt, reportSpan, type Report } from './report.js';
import type { Suggestion } from '../types.js';
import { fixer } from '../fix/fixer.js';

/**
 * Runs every rule that is on and has a `check`. Rules report where in the data; this turns each
 * report into a span. An exception inside a rule is a bug in milint: the rule's reports are
 * dropped, a `file/internal-error` diagnostic names it (on the first file of the call: the file
 * itself when it is linted on its own), and the other rules still run.
 */
export function runRules(rules: readonly Rule[], index: ModelIndex, facts: RunFacts, config: EffectiveConfig): Report[] {
  const out: Report[] = [];
  // One context for every rule of the call (a rule must not keep it): building one per rule and
  // file cost more than most rules take to run.
  let ruleId: Rule['meta']['id'] = 'file/internal-error';
  let mine: Report[] = [];
  const ctx = {
    ...facts, index, fixer, options: undefined as unknown,
    report(r: RuleReport<string>): void {
      const suggestions = (r.suggest ?? []).filter((x): x is Suggestion => x !== undefined);
      mine.push(reportAt(ruleId, r.messageId, r.data, r.at, r.target ?? 'value', r.fix, suggestions));
    },
  };
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (!rule.check || rule.meta.deprecated || !setting || setting.severity === 'off') continue;
    ruleId = rule.meta.id;
    mine = [];
    ctx.options = setting.options;
    try {
      rule.check(ctx);
      for (const r of mine) out.push(r);
    } catch (cause) {
      const file = facts.firstFile ?? facts.blocks[0]?.block.file;
      if (!file) throw new Error(`rule ${rule.meta.id} failed`, { cause });
      const error = cause instanceof Error ? cause.message : String(cause);
      out.push(reportSpan('file/internal-error', 'failed', { rule: rule.meta.id, error }, file, { start: 0, end: 0 }));
    }
  }
  return out;
}
