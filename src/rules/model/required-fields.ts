import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';
import { nameOf } from '../helpers/entries.js';
import type { LocatedMap } from '../../model/types.js';

export const modelRequiredFields = defineRule({
  meta: {
    id: 'model/required-fields', defaultSeverity: 'error', fixable: false, scope: 'project',
    reads: (o: { fields: string[] }) => ({ fields: ['In Collection'], filled: o.fields }),
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
    const present = (fields: LocatedMap, metadata: LocatedMap, w: typeof wanted[number]): boolean => {
      const v = w.meta ? metadata.peek(w.key) : fields.peek(w.key);
      return v !== undefined && v !== null && v !== '';
    };
    for (const m of ctx.index.models) {
      if (m.dialect !== 'pwc') continue;
      const fields = m.fields;
      const metadata = m.metadata;
      const coll = collections.get(String(fields.peek('In Collection') ?? ''));
      for (const w of wanted) {
        const { field } = w;
        if (present(fields, metadata, w) || (coll && present(coll.fields, coll.metadata, w))) continue;
        ctx.report({ at: m.name?.origin ?? m.origin, messageId: 'missing', data: { name: nameOf(m), field } });
      }
    }
  },
});
