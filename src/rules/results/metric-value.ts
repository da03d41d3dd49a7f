import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { allResults } from '../helpers/results.js';
import { parsePercent } from '../helpers/numbers.js';

export const resultsMetricValue = defineRule({
  meta: {
    id: 'results/metric-value', defaultSeverity: 'error', fixable: true,
    description: 'A metric value must be a number or a percent string (`79.04%`); empty values, text and quoted numbers are reported.',
  },
  options: z.object({ numeric: z.boolean().default(false) }),
  messages: {
    empty: (d) => `Metric ${q(d.metric)} has no value.`,
    invalid: (d) => `Metric ${q(d.metric)} must be a number or a percent string, got ${q(d.value)}.`,
    quoted: (d) => `Metric ${q(d.metric)} is a number written as a string (${q(d.value)}); write it unquoted, or as a percent string.`,
    notNumeric: (d) => `Metric ${q(d.metric)} must be a number in this dialect, got ${q(d.value)}.`,
  },
  check(ctx) {
    for (const { entry, result } of allResults(ctx.index)) {
      const numeric = ctx.options.numeric || entry.dialect === 'huggingface';
      for (const m of result.metrics) {
        const v = m.value.value;
        // What is wrong, if anything (most values are fine: nothing is made for them).
        let messageId: 'empty' | 'invalid' | 'quoted' | 'notNumeric' | undefined;
        let fix = false;
        if (v === null || (typeof v === 'string' && v.trim() === '')) messageId = 'empty';
        else if (typeof v === 'number') {
          if (!Number.isFinite(v)) messageId = 'invalid';
        } else if (typeof v === 'string' && parsePercent(v) !== undefined) {
          if (numeric) messageId = 'notNumeric';
        } else if (typeof v === 'string' && /^\s*[-+]?[0-9]*\.?[0-9]+(e[-+]?\d+)?\s*$/i.test(v)) {
          messageId = numeric ? 'notNumeric' : 'quoted';
          fix = true;
        } else {
          messageId = numeric ? 'notNumeric' : 'invalid';
        }
        if (messageId === undefined) continue;
        const data = { metric: m.name, value: typeof v === 'object' ? JSON.stringify(v) : String(v) };
        ctx.report({ at: m.value.origin, messageId, data, ...(fix ? { fix: ctx.fixer.replaceRaw(m.value.origin, String(v).trim()) } : {}) });
      }
    }
  },
});
