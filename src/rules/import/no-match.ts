import { defineRule, q } from '../define-rule.js';

export const importNoMatch = defineRule({
  meta: {
    id: 'import/no-match', stage: 'resolve', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'A glob in Import, Models, Collections or Results should match at least one file.',
  },
  messages: {
    noMatch: (d) => `${d.field} glob ${q(d.target)} matches no file, so nothing is imported.`,
  },
});
