import { isMap, isSeq } from 'yaml';
import { defineRule } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { isEmptyString, isListKey } from '../../parse/hints.js';
import { canonicalKey } from '../../source/keys.js';

export const schemaEmptyValue = defineRule({
  meta: {
    id: 'schema/empty-value', defaultSeverity: 'warning', fixable: false,
    description: 'Models, Collections, Import, Results and Metrics should not be empty lists or mappings, nor fields or Import items empty strings.',
  },
  messages: {
    emptyList: (d) => `${d.key} is empty; remove it or fill it in.`,
    emptyString: (d) => `${d.key} is an empty string; remove the key or give it a value.`,
    emptyItem: (d) => `An item of ${d.key} is an empty string, which names no file; remove it.`,
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
          if (!isEmptyString(node.value) || path.length === 0) return;
          const last = path[path.length - 1];
          if (typeof last === 'string') {
            ctx.report({ at: { block, path }, target: 'key', messageId: 'emptyString', data: { key: last } });
          } else if (path.length > 1 && canonicalKey(String(path[path.length - 2])) === 'import') {
            ctx.report({ at: { block, path }, messageId: 'emptyItem', data: { key: String(path[path.length - 2]) } });
          }
        },
      }, 'emptyValues');
    }
  },
});
