import { defineRule, q } from '../define-rule.js';

export const importCycle = defineRule({
  meta: {
    id: 'import/cycle', stage: 'resolve', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'Imports must not form a cycle (a file that imports itself, directly or through others).',
  },
  messages: {
    cycle: (d) => `${d.field} names ${q(d.target)}, which is already being imported: ${d.chain}. The import was not followed.`,
  },
});
