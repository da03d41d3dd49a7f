import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const weightsHashMismatch = defineRule({
  meta: {
    id: 'weights/hash-mismatch', stage: 'online', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/online/verify-all.ts'],
    description: 'With `--verify-weights`: a checkpoint whose file name ends in a hex prefix of its sha256 (`resnet50-0676ba61.pth`, the torch.hub convention) must have that hash.',
  },
  messages: {
    differs: (d) => `The file name of ${q(d.url)} promises a sha256 starting ${d.expected}, but the file's sha256 is ${d.actual}.`,
  },
});
