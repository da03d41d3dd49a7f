import { defineRule, q } from '../define-rule.js';
import type { Entry } from '../../model/types.js';
import { contentKey as content } from '../helpers/entries.js';

export const collectionDuplicate = defineRule({
  meta: {
    id: 'collection/duplicate', defaultSeverity: 'error', fixable: false, scope: 'project',
    description: 'A collection defined twice must not conflict: the same Name with different fields is reported at the later one.',
  },
  messages: {
    conflict: (d) => `Collection ${q(d.name)} is also defined at ${d.first} with different fields; define it once.`,
  },
  check(ctx) {
    const first = new Map<string, Entry>();
    for (const c of ctx.index.collections) {
      if (typeof c.name?.value !== 'string') continue;
      const seen = first.get(c.name.value.trim());
      if (!seen) { first.set(c.name.value.trim(), c); continue; }
      if (content(seen) !== content(c)) {
        ctx.report({ at: c.name.origin, messageId: 'conflict', data: { name: c.name.value, first: ctx.where(seen.name!.origin) } });
      }
    }
  },
});
