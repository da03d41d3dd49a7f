import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const urlMoved = defineRule({
  meta: {
    id: 'url/moved', stage: 'online', defaultSeverity: 'warning', fixable: true,
    detectedIn: ['src/online/findings.ts'],
    description: 'With `--check-urls`: a link whose server answers with a permanent redirect (301 or 308) should name the new address; the fix writes it.',
  },
  messages: {
    permanent: (d) => `${d.field} link ${q(d.url)} has moved permanently (${d.status}) to ${q(d.target)}; link the new address.${d.other === undefined ? ''
      : ` Note: the new file name matches model ${q(d.other)} better than this one; check that it is the right checkpoint.`}`,
  },
});
