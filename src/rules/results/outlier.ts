import * as z from 'zod';
import type { Located } from '../../types.js';
import type { Data } from '../../source/to-data.js';
import type { Result } from '../../model/types.js';
import { defineRule } from '../define-rule.js';
import { datasetName } from '../helpers/results.js';
import { metricNumber, show } from '../helpers/numbers.js';

interface Sample { readonly key: string; readonly value: number; readonly at: Located<Data>; readonly name: string; readonly result: Result }

function median(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const resultsOutlier = defineRule({
  meta: {
    id: 'results/outlier', defaultSeverity: 'warning', fixable: false, scope: 'project',
    description: 'A metric value far from every other value of the same metric on the same dataset in the index is reported (a robust z-score from the median and the median absolute deviation).',
  },
  options: z.object({ threshold: z.number().positive().default(8), minSamples: z.number().int().min(3).default(8) }),
  messages: {
    outlier: (d) => `${d.metrics} ${d.verb} far from the other ${d.dataset} results in the index (median ${d.medians} over ${d.count} models); a typo or a wrong unit?`,
  },
  check(ctx) {
    const groups = new Map<string, Sample[]>();
    // A zoo has few datasets and metric names: their group keys are made once each.
    const keys = new Map<string, Map<string, string>>();
    // Over the entries themselves, not `allResults`: in a large run results are made on demand
    // (see EntryStore), and a list of them all would keep every one alive.
    for (const entry of [...ctx.index.models, ...ctx.index.collections]) {
      for (const result of entry.results) {
        const ds = datasetName(result);
        if (!ds) continue;
        let byName = keys.get(ds);
        if (!byName) keys.set(ds, (byName = new Map()));
        for (const m of result.metrics) {
          const value = metricNumber(m.value.value);
          if (value === undefined) continue;
          let key = byName.get(m.name);
          if (key === undefined) byName.set(m.name, (key = `${ds.toLowerCase()}\u0000${m.name.toLowerCase()}`));
          let g = groups.get(key);
          if (!g) groups.set(key, (g = []));
          g.push({ key, value, at: m.value, name: m.name, result });
        }
      }
    }
    // Per group: the median and the median absolute deviation; a modified z-score
    // 0.6745 * |x - median| / MAD above the threshold marks an outlier (Iglewicz and Hoaglin).
    const byResult = new Map<Result, { samples: Sample[]; medians: number[]; count: number }>();
    for (const g of groups.values()) {
      if (g.length < ctx.options.minSamples) continue;
      // Filled by a loop: `Float64Array.from` with a map function goes through the iterator protocol.
      const values = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) values[i] = g[i]!.value;
      values.sort();
      const med = median(values);
      const mad = median(values.map((v) => Math.abs(v - med)).sort());
      if (mad === 0) continue;
      for (const s of g) {
        if ((0.6745 * Math.abs(s.value - med)) / mad <= ctx.options.threshold) continue;
        const entry = byResult.get(s.result) ?? { samples: [], medians: [], count: g.length };
        entry.samples.push(s);
        entry.medians.push(med);
        byResult.set(s.result, entry);
      }
    }
    for (const { samples, medians, count } of byResult.values()) {
      const first = samples[0]!;
      const dataset = datasetName(first.result) ?? '';
      ctx.report({
        at: first.at.origin, messageId: 'outlier',
        data: {
          metrics: samples.map((s) => `${s.name} ${String(s.at.value)}`).join(' and '),
          verb: samples.length > 1 ? 'are' : 'is',
          dataset, count,
          medians: medians.map((m, i) => `${show(Number(m.toFixed(2)))}${typeof samples[i]!.at.value === 'string' ? '%' : ''}`).join(' / '),
        },
      });
    }
  },
});
