import { defineRule } from '../define-rule.js';

export const fileBinary = defineRule({
  meta: {
    id: 'file/binary', stage: 'file', defaultSeverity: 'info', fixable: false,
    description: 'A binary file (NUL bytes) named on the command line or imported is skipped with a notice; one found by walking a folder is skipped silently.',
  },
  messages: {
    binary: () => 'The file is binary (it contains NUL bytes), not text; it was skipped.',
  },
});
