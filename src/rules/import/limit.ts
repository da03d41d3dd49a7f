import { defineRule } from '../define-rule.js';

export const importLimit = defineRule({
  meta: {
    id: 'import/limit', stage: 'resolve', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'A run follows at most a set number of imported files (`--max-imports`, default 100,000); past it the rest is reported, not read.',
  },
  messages: {
    tooMany: (d) => `${d.field} leads past the limit of ${d.max} imported files (--max-imports); the rest was not read.`,
  },
});
