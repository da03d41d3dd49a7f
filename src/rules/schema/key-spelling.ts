import { defineRule, q } from '../define-rule.js';
import { walkYaml } from '../helpers/yaml-walk.js';
import { canonicalKey, displayKey, isKnownKey } from '../../source/keys.js';
import { isVariantSpelling } from '../../parse/hints.js';

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
          if (!isVariantSpelling(key) || insideCustomMetadata(path)) return;
          const canonical = displayKey(key);
          const at = { block, path };
          ctx.report({ at, target: 'key', messageId: 'spelling', data: { key, canonical }, fix: ctx.fixer.replaceString(at, canonical, 'key') });
        },
      }, 'variantKeys');
    }
  },
});

/**
 * Whether a path leads inside a custom Metadata field: its keys are that field's own, not the
 * format's (OpenMMLab's `inference time (ms/im)` entries are `{value, hardware, backend, batch size,
 * mode, resolution}` in lower case on purpose).
 */
function insideCustomMetadata(path: readonly (string | number)[]): boolean {
  for (let i = 0; i + 2 < path.length; i++) {
    const field = path[i + 1];
    if (typeof path[i] === 'string' && canonicalKey(path[i] as string) === 'metadata' && typeof field === 'string' && !isKnownKey(field)) return true;
  }
  return false;
}
