import { defineRule, q } from '../define-rule.js';
import type { Entry } from '../../model/types.js';

/** A collection's content, for comparison: its fields and metadata, without positions. */
function content(c: Entry): string {
  const obj = (m: ReadonlyMap<string, { value: unknown }>) =>
    [...m].map(([k, v]): [string, unknown] => [k, v.value]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return JSON.stringify([obj(c.fields), obj(c.metadata), c.results.length]);
}

export const collectionDuplicate = defineRule({
  meta: {
    id: 'collection/duplicate', defaultSeverity: 'error', fixable: false,
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
