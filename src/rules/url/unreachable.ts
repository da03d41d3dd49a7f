import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const urlUnreachable = defineRule({
  meta: {
    id: 'url/unreachable', stage: 'online', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/online/findings.ts'],
    description: 'With `--check-urls`: a link that times out, is refused, or keeps answering with an error after retries is reported as a warning (networks flake).',
  },
  messages: {
    timeout: (d) => `${d.field} link ${q(d.url)} did not answer within ${d.seconds} s.`,
    network: (d) => `${d.field} link ${q(d.url)} could not be reached: ${d.reason}.`,
    status: (d) => `${d.field} link ${q(d.url)} answered ${d.status}${Number(d.attempts) > 1 ? ` after ${d.attempts} attempts` : ''}.`,
    rateLimited: (d) => `${d.field} link ${q(d.url)} is ${d.status === 429 ? 'rate-limited' : 'unavailable'} (${d.status}): the server asks to retry after ${d.retryAfter} s, longer than milint waits (${d.cap} s); not checked.`,
    noLocation: (d) => `${d.field} link ${q(d.url)} answered ${d.status}, a redirect without a Location header: there is no address to follow.`,
    offline: (d) => `${d.field} link ${q(d.url)} was not checked: --offline answers from the URL cache, which has no answer for it.`,
    redirects: (d) => `${d.field} link ${q(d.url)} redirects more than ${d.max} times.`,
  },
});
