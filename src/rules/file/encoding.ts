import { defineRule } from '../define-rule.js';

export const fileEncoding = defineRule({
  meta: {
    id: 'file/encoding', stage: 'file', defaultSeverity: 'error', fixable: false,
    description: 'Files must be UTF-8 text; binary files and invalid byte sequences are reported.',
  },
  messages: {
    binary: () => 'The file is binary (it contains NUL bytes), not text; it was not checked.',
    invalidUtf8: (d) => `The file is not valid UTF-8: invalid byte sequence at byte ${d.byte}; the rest of the file was checked with replacement characters.`,
  },
});
