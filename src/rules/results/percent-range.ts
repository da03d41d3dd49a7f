import { defineRule, q } from '../define-rule.js';
import { allResults } from '../helpers/results.js';
import { parsePercent } from '../../core/numbers.js';

export const resultsPercentRange = defineRule({
  meta: {
    id: 'results/percent-range', defaultSeverity: 'error', fixable: false,
    description: 'A percent metric must lie between 0% and 100%.',
  },
  messages: {
    range: (d) => `Metric ${q(d.metric)} is ${d.value}, outside 0% to 100%.`,
  },
  check(ctx) {
    for (const { result } of allResults(ctx.index)) {
      for (const m of result.metrics) {
        const p = parsePercent(m.value.value);
        if (p !== undefined && (p < 0 || p > 100)) {
          ctx.report({ at: m.value.origin, messageId: 'range', data: { metric: m.name, value: String(m.value.value) } });
        }
      }
    }
  },
});
