import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { parseQuantity, show } from '../../core/numbers.js';

const PRODUCT = /^\s*\d+\s*[x×*]\s*\d+\s*$/;

/** Counts that must be non-negative integers. */
export const COUNT_FIELDS = ['FLOPs', 'Parameters', 'File Size', 'Epochs', 'Batch Size'] as const;

export const metadataNumber = defineRule({
  meta: {
    id: 'metadata/number', defaultSeverity: 'error', fixable: true,
    description: 'FLOPs, Parameters, File Size, Epochs and Batch Size must be non-negative integers; unit strings such as `4.1G` are reported unless the preset allows them.',
  },
  // `product`: Batch Size as GPUs x per-GPU batch (`8x4`), as OpenMMLab writes it.
  options: z.object({ units: z.enum(['report', 'allow']).default('report'), product: z.enum(['report', 'allow']).default('report') }),
  messages: {
    negative: (d) => `${d.field} must be a non-negative integer, got ${d.value}.`,
    notInteger: (d) => `${d.field} must be an integer, got ${d.value}.`,
    unit: (d) => `${d.field} is written with a unit (${q(d.value)}); write the number itself (${d.number}), since other tools read ${q(d.value)} as a string.`,
    quoted: (d) => `${d.field} is a number written as a string (${q(d.value)}); write it unquoted.`,
    invalid: (d) => `${d.field} must be a non-negative integer, got ${q(d.value)}.`,
  },
  check(ctx) {
    for (const entry of pwcEntries(ctx.index)) {
      for (const field of COUNT_FIELDS) {
        const v = entry.metadata.peek(field);
        if (v === undefined || v === null || typeof v === 'boolean' || typeof v === 'object') continue;
        const quick = typeof v === 'number' && Number.isInteger(v) && v >= 0;
        if (quick) continue; // the common case: nothing to report, nothing to allocate
        if (field === 'Batch Size' && ctx.options.product === 'allow' && typeof v === 'string' && PRODUCT.test(v)) continue;
        const at = entry.metadata.get(field)!;
        const quantity = parseQuantity(at.value);
        const report = (messageId: 'negative' | 'notInteger' | 'unit' | 'quoted' | 'invalid', extra: Record<string, string> = {}, edits: { fix?: ReturnType<typeof ctx.fixer.replaceRaw>; suggest?: ReturnType<typeof ctx.fixer.replaceRaw> } = {}) =>
          ctx.report({
            at: at.origin, messageId, data: { field, value: String(at.value), ...extra }, fix: edits.fix,
            suggest: [edits.suggest && { desc: `Write ${extra.number}`, fix: edits.suggest }],
          });
        switch (quantity.kind) {
          case 'invalid': report('invalid'); break;
          case 'unit':
            // The number a unit stands for is rounded: offered, never applied.
            if (ctx.options.units === 'report') {
              const number = show(Math.round(quantity.value));
              report('unit', { number }, { suggest: ctx.fixer.replaceRaw(at.origin, number) });
            }
            break;
          case 'numeric-string':
          case 'number':
            if (!Number.isFinite(quantity.value) || quantity.value < 0) report('negative');
            else if (!Number.isInteger(quantity.value)) report('notInteger');
            else if (quantity.kind === 'numeric-string') report('quoted', {}, { fix: ctx.fixer.replaceRaw(at.origin, String(at.value).trim()) });
            break;
        }
      }
    }
  },
});
