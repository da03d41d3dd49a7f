import { defineRule, q } from '../define-rule.js';

export const importUnsupportedType = defineRule({
  meta: {
    id: 'import/unsupported-type', stage: 'resolve', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'Imported files must be YAML (.yml, .yaml), JSON (.json) or Markdown (.md, .markdown, .mdx).',
  },
  messages: {
    unsupported: (d) => `${d.field} names ${q(d.target)}, which is not a YAML, JSON or Markdown file.`,
  },
});
