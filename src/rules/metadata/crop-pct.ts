import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { formOption, formReport, numericValue, wrongForm } from './quoted-number-form.js';

export const metadataCropPct = defineRule({
  meta: {
    id: 'metadata/crop-pct', defaultSeverity: 'error', fixable: true,
    description: 'Crop Pct must be a number in (0, 1], written in the form the preset asks for.',
  },
  options: formOption,
  messages: {
    range: (d) => `Crop Pct must be in (0, 1], got ${d.value}.`,
    notNumber: (d) => `Crop Pct must be a number in (0, 1], got ${q(d.value)}.`,
    form: (d) => `Crop Pct is written as a ${d.got}; this preset writes it as a ${d.want} (${d.example}).`,
  },
  check(ctx) {
    for (const entry of pwcEntries(ctx.index)) {
      // `peek` first: the located value (and its origin) is made only for a report.
      const value = entry.metadata.peek('Crop Pct');
      if (value === undefined || value === null || typeof value === 'object' || typeof value === 'boolean') continue;
      const n = numericValue(value);
      const at = () => entry.metadata.get('Crop Pct')!;
      if (n === undefined) ctx.report({ at: at().origin, messageId: 'notNumber', data: { value: String(value) } });
      else if (!(n > 0 && n <= 1)) ctx.report({ at: at().origin, messageId: 'range', data: { value: String(value) } });
      else if (wrongForm(value, ctx.options.form)) {
        const { data, fix } = formReport(at(), n, ctx.options.form === 'string' ? 'string' : 'number', ctx.fixer);
        ctx.report({ at: at().origin, messageId: 'form', data, fix });
      }
    }
  },
});
