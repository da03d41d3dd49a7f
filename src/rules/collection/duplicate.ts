import { defineRule, q } from '../define-rule.js';
import type { Entry } from '../../model/types.js';
import { CONTENT, differingFields } from '../helpers/entries.js';

export const collectionDuplicate = defineRule({
  meta: {
    id: 'collection/duplicate', defaultSeverity: 'error', fixable: false, scope: 'project', reads: { facts: [CONTENT] },
    description: 'A collection defined twice must not conflict: the same Name with different fields is reported at the later one.',
  },
  messages: {
    conflict: (d) => `Collection ${q(d.name)} is also defined at ${d.first} with a different ${d.fields}; define it once.`,
  },
  check(ctx) {
    const first = new Map<string, Entry>();
    for (const c of ctx.index.collections) {
      const located = c.name;
      if (typeof located?.value !== 'string') continue;
      const name = located.value.trim();
      const seen = first.get(name);
      if (!seen) { first.set(name, c); continue; }
      // A collection repeated in each per-dataset metafile with its own Metadata (Training Data,
      // Training Resources), as OpenMMLab's mmfewshot does, is one collection.
      const differ = differingFields(seen.fact(CONTENT), c.fact(CONTENT)).filter((f) => f !== 'Metadata');
      if (differ.length > 0) {
        ctx.report({ at: located.origin, messageId: 'conflict', data: { name: located.value, first: ctx.where(seen.name!.origin), fields: differ.join(', ') } });
      }
    }
  },
});
