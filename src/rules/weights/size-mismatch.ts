import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const weightsSizeMismatch = defineRule({
  meta: {
    id: 'weights/size-mismatch', stage: 'online', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/online/findings.ts', 'src/online/verify-all.ts'],
    description: 'With `--check-urls` or `--verify-weights`: the size the server gives for a Weights file (Content-Length, or the bytes downloaded) must be the File Size written in the Metadata.',
  },
  messages: {
    differs: (d) => `File Size says ${d.expected} bytes, but ${q(d.url)} is ${d.actual} bytes (${d.how}).`,
  },
});
