import type { ModelIndex } from '../model/types.js';
import type { Rule, RuleReport } from '../rules/define-rule.js';
import { reportAt, type Report } from './report.js';

/**
 * Runs every rule that has a `check` over the index. Rules report where in the data; this turns
 * each report into a span. An exception inside a rule is a bug in milint: it is re-thrown with
 * the rule id, so that the crash says which rule failed.
 */
export function runRules(rules: readonly Rule[], index: ModelIndex, fileExists: (p: string) => boolean): Report[] {
  const out: Report[] = [];
  for (const rule of rules) {
    if (!rule.check) continue;
    const report = (r: RuleReport<string>): void => {
      out.push(reportAt(rule.meta.id, r.messageId, r.data, r.at, r.target ?? 'value', r.fix));
    };
    try {
      rule.check({ index, fileExists, report });
    } catch (cause) {
      throw new Error(`rule ${rule.meta.id} failed`, { cause });
    }
  }
  return out;
}
