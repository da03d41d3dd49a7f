import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const urlDeadLink = defineRule({
  meta: {
    id: 'url/dead-link', stage: 'online', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/online/findings.ts'],
    description: 'With `--check-urls`: a link must lead somewhere; a server that answers 404 or 410, or a host name that does not resolve, is a dead link.',
  },
  messages: {
    gone: (d) => `${d.field} link ${q(d.url)} is dead: the server answered ${d.status}.`,
    dns: (d) => `${d.field} link ${q(d.url)} is dead: the host name ${q(d.host)} does not resolve.`,
  },
});
