import { defineRule, q } from '../define-rule.js';

export const yamlDuplicateKey = defineRule({
  meta: {
    id: 'yaml/duplicate-key', stage: 'parse', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/parse/load-block.ts'],
    description: 'A mapping must not repeat a key, also not in another case or spelling (keys are case-insensitive); the last one wins.',
  },
  messages: {
    duplicate: (d) => `Duplicate key ${q(d.key)}: an earlier entry in this mapping has the same key, and only this last one is used.`,
    caseDuplicate: (d) => `Key ${q(d.key)} repeats ${q(d.first)}: keys are case-insensitive, so only this last one is used.`,
  },
});
