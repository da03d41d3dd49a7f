import { defineRule, q } from '../define-rule.js';

export const schemaUnknownKey = defineRule({
  meta: {
    id: 'schema/unknown-key', stage: 'schema', defaultSeverity: 'warning', fixable: false,
    description: 'Keys outside the format are reported (Metadata may hold custom keys); a near miss of a known key gets a suggestion.',
  },
  messages: {
    unknown: (d) => `Unknown key ${q(d.key)} in ${d.parent}: it is not part of the format and is ignored.`,
    suggest: (d) => `Unknown key ${q(d.key)} in ${d.parent}; did you mean ${q(d.suggestion)}?`,
  },
});
