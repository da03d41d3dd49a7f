import { defineRule } from '../define-rule.js';

export const yamlWarning = defineRule({
  meta: {
    id: 'yaml/warning', stage: 'parse', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/parse/load-block.ts'],
    description: 'YAML constructs that parse but may not mean what they seem (unresolved tags, odd keys) are reported.',
  },
  messages: {
    warning: (d) => `YAML warning: ${d.message} [${d.code}].`,
  },
});
