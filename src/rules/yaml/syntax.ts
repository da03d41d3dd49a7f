import { defineRule } from '../define-rule.js';

export const yamlSyntax = defineRule({
  meta: {
    id: 'yaml/syntax', stage: 'parse', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-block.ts'],
    description: 'Model-index blocks must be valid YAML (or JSON); a block with a syntax error is not checked further.',
  },
  messages: {
    // The parser's code stays in the data (`data.code`) for tools, not in the sentence.
    syntax: (d) => `YAML syntax error: ${d.message}.`,
  },
});
