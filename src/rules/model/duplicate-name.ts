import { defineRule, q } from '../define-rule.js';
import type { Entry } from '../../model/types.js';

export const modelDuplicateName = defineRule({
  meta: {
    id: 'model/duplicate-name', defaultSeverity: 'error', fixable: false, scope: 'project', reads: {},
    description: 'A model Name must be defined once in the index; the later definition is reported and the first is named.',
  },
  messages: {
    duplicate: (d) => `Model ${q(d.name)} is already defined at ${d.first}; model names must be unique in the index.`,
  },
  check(ctx) {
    const first = new Map<string, Entry>();
    for (const m of ctx.index.models) {
      const located = m.name;
      if (typeof located?.value !== 'string') continue;
      const name = located.value.trim();
      const seen = first.get(name);
      if (!seen) { first.set(name, m); continue; }
      ctx.report({ at: located.origin, messageId: 'duplicate', data: { name, first: ctx.where(seen.name!.origin) } });
    }
  },
});
