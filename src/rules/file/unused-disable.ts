import { defineRule, q } from '../define-rule.js';

export const fileUnusedDisable = defineRule({
  meta: {
    id: 'file/unused-disable', stage: 'directives', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/lint/directives.ts'],
    description: 'An inline `milint-disable` directive that suppresses nothing, names an unknown rule, is not a directive milint knows, or an enable that follows no disable, is reported: none of them can ever apply, and stale disables must not pile up.',
  },
  messages: {
    unused: (d) => `Unused directive ${q(d.directive)}: no problem was reported here; remove it.`,
    unknownRule: (d) => `Unknown rule ${q(d.rule)} in a milint directive.`,
    unknownRuleSuggest: (d) => `Unknown rule ${q(d.rule)} in a milint directive; did you mean ${q(d.suggestion)}?`,
    unknownDirective: (d) => `Unknown directive ${q(d.directive)}: it never applies. Here milint knows ${String(d.known)}.`,
    enableWithoutDisable: (d) => `${q(d.directive)} follows no milint-disable of its rules: it never applies; remove it.`,
  },
});
