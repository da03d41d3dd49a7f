import { defineRule } from '../define-rule.js';

export const fileUnreadable = defineRule({
  meta: {
    id: 'file/unreadable', stage: 'file', defaultSeverity: 'error', fixable: false,
    description: 'Files that milint was asked to check, or that an index imports, must be readable.',
  },
  messages: {
    unreadable: (d) => `The file could not be read (${d.reason}).`,
  },
});
