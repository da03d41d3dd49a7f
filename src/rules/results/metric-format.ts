import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { allResults } from '../helpers/results.js';
import { parsePercent } from '../../core/numbers.js';

export const resultsMetricFormat = defineRule({
  meta: {
    id: 'results/metric-format', defaultSeverity: 'error', fixable: true,
    description: 'Metrics must be written in the form the preset asks for: percent strings (timm: `79.04%`) or plain numbers; off unless a preset turns it on.',
  },
  options: z.object({ form: z.enum(['percent', 'number']).default('percent') }),
  messages: {
    percent: (d) => `Metric ${q(d.metric)} is the number ${d.value}; this preset writes metrics as percent strings (${d.value}%).`,
    fraction: (d) => `Metric ${q(d.metric)} is the number ${d.value}, which reads as a fraction; this preset writes metrics as percent strings (${d.percent}%?).`,
    number: (d) => `Metric ${q(d.metric)} is the percent string ${q(d.value)}; this preset writes metrics as plain numbers.`,
  },
  check(ctx) {
    for (const { entry, result } of allResults(ctx.index)) {
      if (entry.dialect !== 'pwc') continue;
      for (const m of result.metrics) {
        const v = m.value.value;
        if (ctx.options.form === 'percent' && typeof v === 'number' && v > 0 && v <= 1) {
          // 0.7613 may mean 76.13% or 0.7613%: no fix is obviously right, so the likelier one is offered.
          const percent = String(Math.round(v * 1e6) / 1e4);
          const edit = ctx.fixer.replaceRaw(m.value.origin, `${percent}%`);
          ctx.report({ at: m.value.origin, messageId: 'fraction', data: { metric: m.name, value: String(v), percent }, suggest: [edit && { desc: `Write ${percent}%`, fix: edit }] });
        } else if (ctx.options.form === 'percent' && typeof v === 'number') {
          const written = ctx.fixer.scalar(m.value.origin)?.source;
          ctx.report({ at: m.value.origin, messageId: 'percent', data: { metric: m.name, value: String(v) }, fix: written === undefined ? undefined : ctx.fixer.replaceRaw(m.value.origin, `${written}%`) });
        } else if (ctx.options.form === 'number' && parsePercent(v) !== undefined) {
          ctx.report({ at: m.value.origin, messageId: 'number', data: { metric: m.name, value: String(v) }, fix: ctx.fixer.replaceRaw(m.value.origin, String(parsePercent(v))) });
        }
      }
    }
  },
});
