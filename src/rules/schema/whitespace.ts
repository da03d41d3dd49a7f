import { isScalar, Scalar } from 'yaml';
import { defineRule, q } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { isPadded } from '../../parse/hints.js';

export const schemaWhitespace = defineRule({
  meta: {
    id: 'schema/whitespace', defaultSeverity: 'warning', fixable: true,
    description: 'A quoted value must not start or end with spaces (`Name: "resnet50 "`): names and links then fail to match.',
  },
  messages: {
    padded: (d) => `${d.key} ${q(d.value)} has leading or trailing spaces; they are part of the value.`,
  },
  check(ctx) {
    for (const block of ctx.blocks) {
      walkYaml(block, {
        scalar(node, path) {
          if (!isScalar(node) || (node.type !== Scalar.QUOTE_SINGLE && node.type !== Scalar.QUOTE_DOUBLE)) return;
          if (typeof node.value !== 'string' || !isPadded(node.value)) return;
          const at = { block, path };
          const key = String(path.findLast((p) => typeof p === 'string') ?? 'The value');
          ctx.report({ at, messageId: 'padded', data: { key, value: node.value }, fix: ctx.fixer.replaceString(at, node.value.trim()) });
        },
      }, 'padded');
    }
  },
});
