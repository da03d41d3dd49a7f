import { isScalar } from 'yaml';
import { defineRule, q } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { YAML11_BASE60, YAML11_BOOLEAN, YAML11_EXPONENT_STRING, YAML11_OCTAL, YAML11_UNDERSCORE_NUMBER } from '../../parse/yaml11.js';

/**
 * Plain scalars that YAML 1.1 readers (PyYAML, used by the Python tools of this format) read
 * differently from YAML 1.2 (`yaml`, this tool): `yes`/`on` are booleans there, `0777` octal,
 * `1:30` sexagesimal, `1_000` a number, and `1e6` (no dot or no exponent sign) a string.
 */
export function yaml11Reading(source: string): string | undefined {
  const s = source.trim();
  if (YAML11_BOOLEAN.test(s)) return 'a boolean';
  if (YAML11_OCTAL.test(s)) return `the octal number ${parseInt(s, 8)}`;
  if (YAML11_BASE60.test(s)) return 'a base-60 number';
  if (YAML11_UNDERSCORE_NUMBER.test(s)) return `the number ${s.replace(/_/g, '')}`;
  if (YAML11_EXPONENT_STRING.test(s)) return 'a string';
  return undefined;
}

export const yamlPortability = defineRule({
  meta: {
    id: 'yaml/portability', defaultSeverity: 'warning', fixable: false,
    description: 'Plain scalars that YAML 1.1 readers (PyYAML) read differently from YAML 1.2 (`yes`, `on`, `0777`, `1:30`, `1e6`) are reported: quote them, or write them unambiguously.',
  },
  messages: {
    differs: (d) => `${q(d.source)} means ${d.yaml12} in YAML 1.2 but ${d.yaml11} to YAML 1.1 readers such as PyYAML; quote it or write it unambiguously.`,
  },
  check(ctx) {
    for (const block of ctx.blocks) {
      if (block.block.kind === 'yaml-file' && /\.json$/i.test(block.block.file.path)) continue;
      walkYaml(block, {
        pair(pair, _key, path) {
          const k = pair.key;
          if (!isScalar(k) || k.type !== 'PLAIN' || typeof k.source !== 'string') return;
          const yaml11 = yaml11Reading(k.source);
          if (yaml11 && yaml11 !== 'a string') {
            ctx.report({ at: { block, path }, target: 'key', messageId: 'differs', data: { source: k.source, yaml12: 'a string', yaml11 } });
          }
        },
        scalar(node, path) {
          if (node.type !== 'PLAIN' || typeof node.source !== 'string') return;
          const yaml11 = yaml11Reading(node.source);
          if (!yaml11) return;
          const yaml12 = typeof node.value === 'string' ? 'a string' : `the ${typeof node.value} ${String(node.value)}`;
          if (yaml12 === yaml11) return;
          ctx.report({ at: { block, path }, messageId: 'differs', data: { source: node.source, yaml12, yaml11 } });
        },
      }, 'yaml11');
    }
  },
});
