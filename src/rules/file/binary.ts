import { defineRule } from '../define-rule.js';

export const fileBinary = defineRule({
  meta: {
    id: 'file/binary', stage: 'file', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-file.ts'],
    description: 'A binary file (NUL bytes) that milint was asked to read (named, imported, or a page or metafile found by walking a folder) cannot be checked: it is reported and skipped.',
  },
  messages: {
    binary: () => 'The file is binary (it contains NUL bytes), not text; it was skipped.',
  },
});
