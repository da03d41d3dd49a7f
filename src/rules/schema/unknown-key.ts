import * as z from 'zod';
import { defineRule, q } from '../define-rule.js';

export const schemaUnknownKey = defineRule({
  meta: {
    id: 'schema/unknown-key', stage: 'schema', defaultSeverity: 'warning', fixable: false,
    detectedIn: ['src/schema/issues.ts'],
    description: 'Keys outside the format are reported (Metadata may hold custom keys); a near miss of a known key gets a suggestion.',
  },
  // `typos`: only a probable typo of a known key is reported (the format is open to extension);
  // `all` (the strict preset): every key outside the format.
  options: z.object({ report: z.enum(['typos', 'all']).default('typos') }),
  messages: {
    unknown: (d) => `Unknown key ${q(d.key)} in ${d.parent}: it is not part of the format and is ignored${times(d)}.`,
    suggest: (d) => `Unknown key ${q(d.key)} in ${d.parent}; did you mean ${q(d.suggestion)}?${times(d, ' (')}`,
  },
});

/** ` (5 times in this file)`: an unknown key repeated across a file is reported once. */
function times(d: Record<string, string | number>, open = ' ('): string {
  return d.count ? `${open}${d.count} times in this file)` : '';
}
