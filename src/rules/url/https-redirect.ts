import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const urlHttpsRedirect = defineRule({
  meta: {
    id: 'url/https-redirect', stage: 'online', defaultSeverity: 'warning', fixable: true,
    detectedIn: ['src/online/findings.ts'],
    description: 'With `--check-urls`: an `http://` link whose server redirects to the same address on https should be written with https; the fix does it.',
  },
  messages: {
    upgrade: (d) => `${d.field} link ${q(d.url)} redirects to the same address on https; write ${q(d.target)}.`,
  },
});
