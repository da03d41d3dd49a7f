import * as z from 'zod';
import { defineRule } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { parseQuantity, show } from '../../core/numbers.js';

export const metadataFileSize = defineRule({
  meta: {
    id: 'metadata/file-size', defaultSeverity: 'warning', fixable: false,
    description: 'File Size should be plausible for the parameter count: weights take 1 to 8 bytes per parameter, so a ratio far outside that (by default below 0.5 or above 16) is reported.',
  },
  options: z.object({ min: z.number().default(0.5), max: z.number().default(16) }),
  messages: {
    implausible: (d) => `File Size ${d.size} is ${d.ratio} bytes per parameter for ${d.params} parameters; weights take 1 to 8 bytes per parameter, so one of the two is likely wrong.`,
  },
  check(ctx) {
    for (const entry of pwcEntries(ctx.index)) {
      const sizeValue = entry.metadata.peek('File Size');
      const paramsValue = entry.metadata.peek('Parameters');
      if (sizeValue === undefined || paramsValue === undefined) continue;
      const s = parseQuantity(sizeValue);
      const p = parseQuantity(paramsValue);
      if (s.kind === 'invalid' || p.kind === 'invalid' || p.value <= 0 || s.value <= 0) continue;
      const ratio = s.value / p.value;
      if (ratio >= ctx.options.min && ratio <= ctx.options.max) continue;
      ctx.report({ at: entry.metadata.get('File Size')!.origin, messageId: 'implausible', data: { size: String(sizeValue), params: String(paramsValue), ratio: show(ratio) } });
    }
  },
});
