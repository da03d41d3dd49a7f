import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const weightsUnverified = defineRule({
  meta: {
    id: 'weights/unverified', stage: 'online', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/online/verify-all.ts'],
    description: 'With `--verify-weights`: a checkpoint that could not be checked (larger than the download cap, or the download failed) is reported, so that a skipped check is never silent.',
  },
  messages: {
    tooLarge: (d) => `${q(d.url)} is larger than the download cap (${d.cap} bytes); its hash and size were not checked.`,
    failed: (d) => `${q(d.url)} could not be downloaded (${d.reason}); its hash and size were not checked.`,
    offline: (d) => `${q(d.url)} was not verified: --offline answers from the cache, which has no hash for this file.`,
  },
});
