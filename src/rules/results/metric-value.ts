import * as z from 'zod';
import type { Origin } from '../../types.js';
import { defineRule, q } from '../define-rule.js';
import { allResults } from '../helpers/results.js';
import { parsePercent } from '../../core/numbers.js';

/** A value that stands for "no result yet": each one is its own finding (leave the metric out). */
const PLACEHOLDER = /^\s*(-+|—|none|null|n\/?a|nan|wip|tbd|todo|\?+)\s*$/i;
/**
 * Several numbers in one cell, as OpenMMLab's mmgeneration writes them: a precision/recall pair
 * (`62.856/49.400`) or per-scale values and their mean (`3.42, 4.04, 4.78, 20.38/8.15`).
 */
const COMPOSITE = /^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*\/\s*\d+(\.\d+)?\s*$/;
/** A mean and its spread, as stable-baselines3, RL Zoo and the Deep RL course write rewards. */
const MEAN_STD = /^\s*[-+]?\d+(\.\d+)?\s*(\+\/-|±)\s*\d+(\.\d+)?\s*$/;
const QUOTED_NUMBER = /^\s*[-+]?[0-9]*\.?[0-9]+(e[-+]?\d+)?\s*$/i;

type MessageId = 'empty' | 'invalid' | 'quoted' | 'notNumeric';

export const resultsMetricValue = defineRule({
  meta: {
    id: 'results/metric-value', defaultSeverity: 'error', fixable: true,
    description: 'A metric value must be a number or a percent string (`79.04%`); empty values, text and quoted numbers are reported.',
  },
  options: z.object({ numeric: z.boolean().default(false), composite: z.enum(['report', 'allow']).default('report') }),
  messages: {
    empty: (d) => `Metric ${q(d.metric)} has no value.`,
    invalid: (d) => `Metric ${q(d.metric)} must be a number or a percent string, got ${q(d.value)}${more(d)}.`,
    quoted: (d) => `Metric ${q(d.metric)} is a number written as a string (${q(d.value)}); write it unquoted, or as a percent string.`,
    notNumeric: (d) => `Metric ${q(d.metric)} must be a number in this dialect, got ${q(d.value)}${more(d)}.`,
  },
  check(ctx) {
    // Text in a column (a README table's `Log` or `Comment` copied into Metrics) is one finding
    // per metric name and file, reported at its first value with the count of the others.
    const columns = new Map<string, { at: Origin; messageId: MessageId; data: Record<string, string | number> }>();
    for (const { entry, result } of allResults(ctx.index)) {
      const numeric = ctx.options.numeric || entry.dialect === 'huggingface';
      for (const m of result.metrics) {
        const v = m.value.value;
        // What is wrong, if anything (most values are fine: nothing is made for them).
        let messageId: MessageId | undefined;
        let fix = false;
        let column = false;
        if (v === null || (typeof v === 'string' && v.trim() === '')) messageId = 'empty';
        else if (typeof v === 'number') {
          if (!Number.isFinite(v)) messageId = 'invalid';
        } else if (typeof v === 'string' && parsePercent(v) !== undefined) {
          if (numeric) messageId = 'notNumeric';
        } else if (typeof v === 'string' && QUOTED_NUMBER.test(v)) {
          messageId = numeric ? 'notNumeric' : 'quoted';
          fix = true;
        } else if (typeof v === 'string' && (MEAN_STD.test(v) || (ctx.options.composite === 'allow' && COMPOSITE.test(v)))) {
          continue;
        } else {
          messageId = numeric ? 'notNumeric' : 'invalid';
          column = typeof v !== 'string' || !PLACEHOLDER.test(v);
        }
        if (messageId === undefined) continue;
        const data = { metric: m.name, value: typeof v === 'object' ? JSON.stringify(v) : String(v) };
        if (column) {
          const key = `${m.value.origin.block.block.file.path}\0${m.name}`;
          const seen = columns.get(key);
          if (seen) { seen.data.more = Number(seen.data.more ?? 0) + 1; continue; }
          columns.set(key, { at: m.value.origin, messageId, data });
          continue;
        }
        ctx.report({ at: m.value.origin, messageId, data, ...(fix ? { fix: ctx.fixer.replaceRaw(m.value.origin, String(v).trim()) } : {}) });
      }
    }
    for (const { at, messageId, data } of columns.values()) ctx.report({ at, messageId, data });
  },
});

/** ` (and 7 more values in this file)`, for a column reported once. */
function more(d: Record<string, string | number>): string {
  return d.more ? ` (and ${d.more} more text value${d.more === 1 ? '' : 's'} of this metric in this file)` : '';
}
