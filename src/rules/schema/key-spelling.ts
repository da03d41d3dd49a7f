import { defineRule, q } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { canonicalKey, displayKey, KNOWN_KEYS } from '../../schema/keys.js';

const KNOWN = new Set(KNOWN_KEYS.map((k) => canonicalKey(k)));
KNOWN.add('incollection');

export const schemaKeySpelling = defineRule({
  meta: {
    id: 'schema/key-spelling', defaultSeverity: 'warning', fixable: true,
    description: 'Known keys should be written in their canonical spelling (`Crop Pct`, not `Crop pct` or `crop_pct`); readers other than milint may match keys exactly.',
  },
  messages: {
    spelling: (d) => `Key ${q(d.key)} is a variant spelling of ${q(d.canonical)}; write ${q(d.canonical)}.`,
  },
  check(ctx) {
    for (const block of ctx.blocks) {
      if (block.block.kind === 'front-matter') continue;
      walkYaml(block, {
        pair(_pair, key, path) {
          if (!KNOWN.has(canonicalKey(key))) return;
          const canonical = displayKey(key);
          if (key === canonical) return;
          const at = { block, path };
          ctx.report({ at, target: 'key', messageId: 'spelling', data: { key, canonical }, fix: ctx.fixer.replaceString(at, canonical, 'key') });
        },
      }, 'variantKeys');
    }
  },
});
