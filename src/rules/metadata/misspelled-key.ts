import { defineRule, q } from '../define-rule.js';
import { pwcEntries } from '../helpers/entries.js';
import { closest } from '../../core/suggest.js';

/**
 * Metadata keys the format defines, and the custom keys zoos commonly write (timm's training
 * hyper-parameters): a custom key close to one of these is likely a typo.
 */
export const METADATA_KEYS = [
  'FLOPs', 'Parameters', 'File Size', 'Epochs', 'Batch Size', 'Crop Pct', 'Image Size', 'Interpolation',
  'Training Data', 'Training Techniques', 'Training Resources', 'Training Time', 'Architecture', 'ID', 'Tasks',
  'LR', 'LR Gamma', 'LR Step Size', 'Momentum', 'Weight Decay', 'Dropout', 'Layers', 'RMSProp Decay',
  'Label Smoothing', 'BatchNorm Momentum', 'Stochastic Depth Survival', 'Training Steps', 'Warmup Steps', 'Minibatch Size',
  // OpenMMLab's (mmdetection, mmdetection3d write Training Memory (GB) in Metadata).
  'Training Log', 'Training Memory (GB)',
];

const exact = new Set<string>(METADATA_KEYS);
const lower = new Set(METADATA_KEYS.map((k) => k.toLowerCase()));

export const metadataMisspelledKey = defineRule({
  meta: {
    id: 'metadata/misspelled-key', defaultSeverity: 'warning', fixable: false,
    description: 'A custom Metadata key that is a near miss of a known key (`Intepolation`) is reported with the key it likely means.',
  },
  messages: {
    suggest: (d) => `Metadata key ${q(d.key)} is not a known field; did you mean ${q(d.suggestion)}?`,
  },
  check(ctx) {
    for (const entry of pwcEntries(ctx.index)) {
      for (const key of entry.metadata.keys()) {
        if (exact.has(key) || lower.has(key.toLowerCase())) continue;
        const suggestion = closest(key, METADATA_KEYS);
        if (!suggestion) continue;
        const at = entry.metadata.get(key)!;
        const edit = ctx.fixer.replaceString(at.origin, suggestion, 'key');
        ctx.report({ at: at.origin, target: 'key', messageId: 'suggest', data: { key, suggestion }, suggest: [edit && { desc: `Rename to "${suggestion}"`, fix: edit }] });
      }
    }
  },
});
