import { defineRule, q } from '../define-rule.js';

export const fileUnusedDisable = defineRule({
  meta: {
    id: 'file/unused-disable', stage: 'directives', defaultSeverity: 'warning', fixable: false,
    description: 'An inline `milint-disable` directive that suppresses nothing, or names an unknown rule, is reported so that stale disables do not pile up.',
  },
  messages: {
    unused: (d) => `Unused directive ${q(d.directive)}: no problem was reported here; remove it.`,
    unknownRule: (d) => `Unknown rule ${q(d.rule)} in a milint directive.`,
    unknownRuleSuggest: (d) => `Unknown rule ${q(d.rule)} in a milint directive; did you mean ${q(d.suggestion)}?`,
  },
});
