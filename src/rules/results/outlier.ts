import * as z from 'zod';
import type { Entry, Result } from '../../model/types.js';
import { defineRule } from '../define-rule.js';
import { datasetName, datasetNameOf } from '../helpers/results.js';
import type { Data } from '../../source/to-data.js';
import { median, metricNumber, show } from '../../core/numbers.js';

/** The numeric values of one metric on one dataset, and where each is (entry, result, metric index). */
interface Group { readonly name: string; readonly values: number[]; readonly entries: Entry[]; readonly results: number[]; readonly metrics: number[] }

/**
 * Metrics on a bounded, percent-like scale (accuracy, AP, mIoU, F1...): their values cluster, so a
 * value half or twice the median is already suspect. Others (IS, FID, SWD, EPE, perplexity, times)
 * spread over orders of magnitude between real models: only a factor of ten is.
 */
const BOUNDED = /acc|top[ -]?\d|\b(m?ap|ar)\b|ap\d|iou|\bf1|f-?score|precision|recall|auc|dice|bleu|rouge|\bpq\b|\bsq\b|\brq\b|ndcg|hit/i;

/** Whether `value` is at least `factor` times off `med`, either way. */
function farOff(value: number, med: number, factor: number): boolean {
  if (med === 0) return true;
  if (value > 0 && med > 0) return value / med >= factor || med / value >= factor;
  return Math.abs(value - med) >= Math.abs(med) * (factor - 1);
}

/** The outlying metrics of one result, with the median of each one's group. */
interface Outliers { readonly result: Result; readonly samples: Metric[]; readonly medians: number[]; readonly count: number }

type Metric = Result['metrics'][number];

export const resultsOutlier = defineRule({
  meta: {
    id: 'results/outlier', defaultSeverity: 'warning', fixable: false, scope: 'project', reads: { results: true },
    description: 'A metric value far from every other value of the same metric on the same dataset in the index is reported (a robust z-score from the median and the median absolute deviation).',
  },
  options: z.object({ threshold: z.number().positive().default(8), minSamples: z.number().int().min(3).default(8) }),
  messages: {
    outlier: (d) => `${d.metrics} ${d.verb} far from the other ${d.dataset} results in the index (median ${d.medians} over ${d.count} models); a typo or a wrong unit?`,
  },
  check(ctx) {
    // Samples are kept as numbers and indexes (entry, result, metric), not as objects: there is one
    // per metric of every model.
    const groups = new Map<string, Group>();
    // A zoo has few datasets and metric names: their group keys are made once each.
    const keys = new Map<string, Map<string, string>>();
    // Metrics as plain values: result objects are made only for the outliers reported.
    for (const entry of [...ctx.index.models, ...ctx.index.collections]) {
      let started = false;
      let lastDataset: Data | undefined;
      let ds: string | undefined;
      let byName: Map<string, string> | undefined;
      entry.eachMetric((ri, dataset, name, v, mi) => {
        if (!started || dataset !== lastDataset) {
          started = true;
          lastDataset = dataset;
          ds = datasetNameOf(dataset);
          byName = ds ? keys.get(ds) : undefined;
          if (ds && !byName) keys.set(ds, (byName = new Map()));
        }
        if (!byName) return;
        const value = metricNumber(v);
        if (value === undefined) return;
        let key = byName.get(name);
        if (key === undefined) byName.set(name, (key = `${ds!.toLowerCase()}\u0000${name.toLowerCase()}`));
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { name, values: [], entries: [], results: [], metrics: [] }));
        g.values.push(value);
        g.entries.push(entry);
        g.results.push(ri);
        g.metrics.push(mi);
      });
    }
    // Per group: the median and the median absolute deviation; a modified z-score
    // 0.6745 * |x - median| / MAD above the threshold marks an outlier (Iglewicz and Hoaglin).
    const byResult = new Map<Entry, Map<number, Outliers>>();
    const found: Outliers[] = [];
    for (const g of groups.values()) {
      const n = g.values.length;
      if (n < ctx.options.minSamples) continue;
      const values = Float64Array.from(g.values);
      const med = median(values);
      const mad = median(values.map((v) => Math.abs(v - med)));
      if (mad === 0) continue;
      const factor = BOUNDED.test(g.name) ? 2 : 10;
      for (let i = 0; i < n; i++) {
        if ((0.6745 * Math.abs(g.values[i]! - med)) / mad <= ctx.options.threshold || !farOff(g.values[i]!, med, factor)) continue;
        const entry = g.entries[i]!;
        let perEntry = byResult.get(entry);
        if (!perEntry) byResult.set(entry, (perEntry = new Map()));
        let o = perEntry.get(g.results[i]!);
        if (!o) {
          const result = entry.results[g.results[i]!]!;
          perEntry.set(g.results[i]!, (o = { result, samples: [], medians: [], count: n }));
          found.push(o);
        }
        o.samples.push(o.result.metrics[g.metrics[i]!]!);
        o.medians.push(med);
      }
    }
    for (const { result, samples, medians, count } of found) {
      const first = samples[0]!;
      const dataset = datasetName(result) ?? '';
      ctx.report({
        at: first.value.origin, messageId: 'outlier',
        data: {
          metrics: samples.map((s) => `${s.name} ${String(s.value.value)}`).join(' and '),
          verb: samples.length > 1 ? 'are' : 'is',
          dataset, count,
          medians: medians.map((m, i) => `${show(Number(m.toFixed(2)))}${typeof samples[i]!.value.value === 'string' ? '%' : ''}`).join(' / '),
        },
      });
    }
  },
});
