import { defineRule, q } from '../define-rule.js';

/** Reported by the online checks (src/online/), never by a check over the index: rules do no network access. */
export const urlCommitNotFound = defineRule({
  meta: {
    id: 'url/commit-not-found', stage: 'online', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/online/findings.ts'],
    description: 'With `--check-urls`: a GitHub `blob` or `tree` link pinned to a commit must name a commit that exists in its repository (not a rewritten or unpushed one).',
  },
  messages: {
    missing: (d) => `${d.field} link ${q(d.url)} names ${q(d.ref)}, which ${d.repo} does not have (404): the commit was rewritten or never pushed.`,
  },
});
