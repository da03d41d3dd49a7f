import { defineRule } from '../define-rule.js';

export const schemaInvalidType = defineRule({
  meta: {
    id: 'schema/invalid-type', stage: 'schema', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/schema/issues.ts'],
    description: 'Every known field must hold the kind of value the format defines (a string, a number, a list, a mapping); an empty value where one is required is reported.',
  },
  messages: {
    type: (d) => `${d.field} must be ${d.expected}, got ${d.received}.`,
    empty: (d) => `The file is empty; expected ${d.expected}.`,
    emptyKey: (d) => `${d.key} has no value; expected ${d.expected}.`,
  },
});
