import { defineRule } from '../define-rule.js';

export const schemaInvalidValue = defineRule({
  meta: {
    id: 'schema/invalid-value', stage: 'schema', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/schema/issues.ts'],
    description: 'Known fields must hold valid values: absolute http(s) URLs for Weights, Code and Paper, non-empty names.',
  },
  messages: {
    value: (d) => `${d.field} must be ${d.expected}, got ${d.received}.`,
  },
});
