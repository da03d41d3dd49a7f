import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { closest } from '../../core/suggest.js';

/** Resampling filters of the common image libraries (PIL, torchvision, OpenCV, TensorFlow). */
export const INTERPOLATIONS = [
  'nearest', 'nearest-exact', 'bilinear', 'bicubic', 'lanczos', 'box', 'hamming', 'area', 'random', 'linear', 'cubic',
] as const;

export const metadataInterpolation = defineRule({
  meta: {
    id: 'metadata/interpolation', defaultSeverity: 'error', fixable: false,
    description: 'Interpolation must name a known resampling filter (nearest, bilinear, bicubic, lanczos, box, hamming, area, random...).',
  },
  options: z.object({ values: z.array(z.string()).default([]) }),
  messages: {
    unknown: (d) => `Interpolation ${q(d.value)} is not a known resampling filter; expected one of ${d.known}.`,
    suggest: (d) => `Interpolation ${q(d.value)} is not a known resampling filter; did you mean ${q(d.suggestion)}?`,
  },
  check(ctx) {
    const known = [...INTERPOLATIONS, ...ctx.options.values];
    for (const entry of pwcEntries(ctx.index)) {
      const peeked = entry.metadata.peek('Interpolation');
      if (peeked === undefined) continue;
      const at = entry.metadata.get('Interpolation');
      if (!at || typeof at.value !== 'string' || known.includes(at.value.trim())) continue;
      const suggestion = closest(at.value.trim(), known);
      const edit = suggestion ? ctx.fixer.replaceString(at.origin, suggestion) : undefined;
      ctx.report(suggestion
        ? { at: at.origin, messageId: 'suggest', data: { value: at.value, suggestion }, suggest: [edit && { desc: `Use "${suggestion}"`, fix: edit }] }
        : { at: at.origin, messageId: 'unknown', data: { value: at.value, known: known.join(', ') } });
    }
  },
});
