import { defineRule } from '../define-rule.js';

export const yamlResourceLimit = defineRule({
  meta: {
    id: 'yaml/resource-limit', stage: 'parse', defaultSeverity: 'error', fixable: false,
    description: 'A block must not expand beyond a safe size through aliases or nesting (a "billion laughs" guard).',
  },
  messages: {
    aliases: () => 'This block expands to too many values through aliases; it was not checked further.',
  },
});
