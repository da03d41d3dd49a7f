import { defineRule } from '../define-rule.js';
import { allResults } from '../helpers/results.js';
import { metricNumber } from '../../core/numbers.js';

const TOP1 = /^top[- _]?1\b/i;
const TOP5 = /^top[- _]?5\b/i;

export const resultsTop5BelowTop1 = defineRule({
  meta: {
    id: 'results/top5-below-top1', defaultSeverity: 'error', fixable: false,
    description: 'A Top 5 accuracy cannot be lower than the Top 1 accuracy of the same result.',
  },
  messages: {
    below: (d) => `${d.top5} is ${d.v5}, lower than ${d.top1} ${d.v1}; a top-5 accuracy is at least the top-1 accuracy (swapped values?).`,
  },
  check(ctx) {
    for (const { result } of allResults(ctx.index)) {
      const t1 = result.metrics.find((m) => TOP1.test(m.name));
      const t5 = result.metrics.find((m) => TOP5.test(m.name) && m.name.replace(TOP5, '') === (t1?.name.replace(TOP1, '') ?? ''));
      if (!t1 || !t5) continue;
      const v1 = metricNumber(t1.value.value);
      const v5 = metricNumber(t5.value.value);
      if (v1 === undefined || v5 === undefined || v5 >= v1) continue;
      ctx.report({ at: t5.value.origin, messageId: 'below', data: { top1: t1.name, top5: t5.name, v1: String(t1.value.value), v5: String(t5.value.value) } });
    }
  },
});
