import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { formOption, formReport, numericValue, wrongForm } from './quoted-number-form.js';

export const metadataImageSize = defineRule({
  meta: {
    id: 'metadata/image-size', defaultSeverity: 'error', fixable: true,
    description: 'Image Size must be a positive integer (pixels), written in the form the preset asks for.',
  },
  options: formOption,
  messages: {
    notPositive: (d) => `Image Size must be a positive integer, got ${q(d.value)}.`,
    form: (d) => `Image Size is written as a ${d.got}; this preset writes it as a ${d.want} (${d.example}).`,
  },
  check(ctx) {
    for (const entry of pwcEntries(ctx.index)) {
      if (entry.metadata.peek('Image Size') === undefined) continue;
      const at = entry.metadata.get('Image Size');
      if (!at || at.value === null || typeof at.value === 'object' || typeof at.value === 'boolean') continue;
      const n = numericValue(at.value);
      if (n === undefined || !Number.isInteger(n) || n <= 0) {
        ctx.report({ at: at.origin, messageId: 'notPositive', data: { value: String(at.value) } });
      } else if (wrongForm(at.value, ctx.options.form)) {
        const { data, fix } = formReport(at, n, ctx.options.form === 'string' ? 'string' : 'number', ctx.fixer);
        ctx.report({ at: at.origin, messageId: 'form', data, fix });
      }
    }
  },
});
