import { isMap, isSeq } from 'yaml';
import { defineRule } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { isEmptyString, isListKey } from '../../parse/hints.js';

export const schemaEmptyValue = defineRule({
  meta: {
    id: 'schema/empty-value', defaultSeverity: 'warning', fixable: false,
    description: 'Models, Collections, Import, Results and Metrics should not be empty lists or mappings, nor fields empty strings.',
  },
  messages: {
    emptyList: (d) => `${d.key} is empty; remove it or fill it in.`,
    emptyString: (d) => `${d.key} is an empty string; remove the key or give it a value.`,
  },
  check(ctx) {
    for (const block of ctx.blocks) {
      if (block.block.kind === 'front-matter') continue;
      walkYaml(block, {
        pair(pair, key, path) {
          const v = pair.value;
          if ((isSeq(v) || isMap(v)) && v.items.length === 0 && isListKey(key)) {
            ctx.report({ at: { block, path }, target: 'key', messageId: 'emptyList', data: { key } });
          }
        },
        scalar(node, path) {
          if (isEmptyString(node.value) && path.length > 0 && typeof path[path.length - 1] === 'string') {
            ctx.report({ at: { block, path }, target: 'key', messageId: 'emptyString', data: { key: String(path[path.length - 1]) } });
          }
        },
      }, 'emptyValues');
    }
  },
});
