import { defineRule } from '../define-rule.js';

export const yamlResourceLimit = defineRule({
  meta: {
    id: 'yaml/resource-limit', stage: 'parse', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-block.ts'],
    description: 'A block must stay within safe limits: size (`--max-block-size`), nesting depth, and expansion through aliases (a "billion laughs" guard).',
  },
  messages: {
    aliases: () => 'This block expands to too many values through aliases; it was not checked further.',
    depth: () => 'This block nests too deeply to be read; it was not checked further.',
    size: (d) => `This block is ${d.size} characters long, more than the limit of ${d.max} (--max-block-size); it was not checked.`,
  },
});
