import { defineRule } from '../define-rule.js';

export const schemaInvalidValue = defineRule({
  meta: {
    id: 'schema/invalid-value', stage: 'schema', defaultSeverity: 'error', fixable: false,
    description: 'Known fields must hold valid values: non-negative numbers, Crop Pct in (0, 1], a positive Image Size, absolute http(s) URLs, non-empty names.',
  },
  messages: {
    value: (d) => `${d.field} must be ${d.expected}, got ${d.received}.`,
  },
});
