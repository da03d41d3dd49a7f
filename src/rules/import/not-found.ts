import { defineRule, q } from '../define-rule.js';

export const importNotFound = defineRule({
  meta: {
    id: 'import/not-found', stage: 'resolve', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'Files named by Import, Models, Collections, Metadata, Results or Library must exist.',
  },
  messages: {
    missing: (d) => `${d.field} names ${q(d.target)}, which does not exist (paths are relative to the folder of this file).`,
    noBlock: (d) => `${d.field} names ${q(d.target)}, which holds no model-index block.`,
    directory: (d) => `${d.field} names ${q(d.target)}, which is a directory, not a file.`,
  },
});
