import { defineRule, q } from '../define-rule.js';

export const schemaMissingKey = defineRule({
  meta: {
    id: 'schema/missing-key', stage: 'schema', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/schema/issues.ts'],
    description: 'Required keys must be present: a model and a collection need Name; a result needs Task, Dataset and Metrics.',
  },
  messages: {
    missing: (d) => `${d.parent} is missing the required key ${q(d.key)}.`,
  },
});
