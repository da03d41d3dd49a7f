import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { formOption, numericValue, wrongForm } from './quoted-number-form.js';

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
      const peeked = entry.metadata.peek('Image Size');
      if (peeked === undefined) continue;
      const at = entry.metadata.get('Image Size');
      if (!at || at.value === null || typeof at.value === 'object' || typeof at.value === 'boolean') continue;
      const n = numericValue(at.value);
      if (n === undefined || !Number.isInteger(n) || n <= 0) {
        ctx.report({ at: at.origin, messageId: 'notPositive', data: { value: String(at.value) } });
      } else if (wrongForm(at.value, ctx.options.form)) {
        const want = ctx.options.form === 'string' ? 'quoted string' : 'plain number';
        const example = ctx.options.form === 'string' ? `'${n}'` : String(n);
        const written = ctx.fixer.scalar(at.origin)?.source;
        const fix = written === undefined ? undefined
          : ctx.options.form === 'string' ? ctx.fixer.replaceRaw(at.origin, `'${written}'`) : ctx.fixer.replaceRaw(at.origin, String(at.value).trim());
        ctx.report({ at: at.origin, messageId: 'form', data: { got: typeof at.value === 'number' ? 'plain number' : 'string', want, example }, fix });
      }
    }
  },
});
