import { defineRule } from '../define-rule.js';

export const fileEncoding = defineRule({
  meta: {
    id: 'file/encoding', stage: 'file', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-file.ts'],
    description: 'Files must be UTF-8 text; an invalid byte sequence is reported at its first byte, and the rest of the file is still checked.',
  },
  messages: {
    utf16: () => 'The file is UTF-16 text; milint reads UTF-8 only, so it was not checked. Save it as UTF-8.',
    invalidUtf8: (d) => `The file is not valid UTF-8: invalid byte sequence at byte ${d.byte}; the rest of the file was checked with replacement characters.`,
  },
});
