import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { nameOf } from '../helpers/entries.js';

export const modelRequiredFields = defineRule({
  meta: {
    id: 'model/required-fields', defaultSeverity: 'error', fixable: false, scope: 'project',
    description: 'Every model must have the fields a preset requires (`Weights`, `Config`, `Metadata.Crop Pct`, ...), including what it inherits from its collection; off unless a preset turns it on.',
  },
  options: z.object({ fields: z.array(z.string()).default([]) }),
  messages: {
    missing: (d) => `Model ${q(d.name)} has no ${d.field}, which this preset requires.`,
  },
  check(ctx) {
    if (ctx.options.fields.length === 0) return;
    const collections = new Map(ctx.index.collections.map((c) => [String(c.name?.value ?? ''), c]));
    // Each field split once: `Metadata.Crop Pct` is `Crop Pct` of the metadata.
    const wanted = ctx.options.fields.map((field) => ({ field, meta: field.startsWith('Metadata.'), key: field.replace(/^Metadata\./, '') }));
    const present = (e: typeof ctx.index.models[number], w: typeof wanted[number]): boolean => {
      const v = w.meta ? e.metadata.peek(w.key) : e.fields.peek(w.key);
      return v !== undefined && v !== null && v !== '';
    };
    for (const m of ctx.index.models) {
      if (m.dialect !== 'pwc') continue;
      const coll = collections.get(String(m.fields.peek('In Collection') ?? ''));
      for (const w of wanted) {
        const { field } = w;
        if (present(m, w) || (coll && present(coll, w))) continue;
        ctx.report({ at: m.name?.origin ?? m.origin, messageId: 'missing', data: { name: nameOf(m), field } });
      }
    }
  },
});
