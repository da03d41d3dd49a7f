import { defineRule } from '../define-rule.js';

export const fileUnreadable = defineRule({
  meta: {
    id: 'file/unreadable', stage: 'file', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-file.ts', 'src/lint/collect.ts', 'src/lsp/folder.ts'],
    description: 'Files that milint was asked to check, or that an index imports, must be readable.',
  },
  messages: {
    unreadable: (d) => `The file could not be read (${d.reason}).`,
    refused: (d) => `The file was not read: ${d.reason}.`,
    changed: () => 'The file changed on disk while milint was checking it, so its findings are left out; run milint again.',
  },
});
