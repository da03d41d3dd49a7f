import { defineRule, q } from '../define-rule.js';
import { stringsIn } from '../helpers/strings.js';
import { withDownstream } from '../helpers/entries.js';
import type { Data } from '../../source/to-data.js';

/** Fields that hold links. */
const LINK_FIELDS = ['Weights', 'Code', 'Paper', 'Config', 'Image', 'README', 'Converted From', 'Website', 'Repository', 'Docs'];

export const urlHttps = defineRule({
  meta: {
    id: 'url/https', defaultSeverity: 'warning', fixable: false,
    description: 'Links should use https: a plain `http://` weights or code link can be tampered with in transit.',
  },
  messages: {
    http: (d) => `${d.field} uses plain http (${q(d.url)}); use https if the server offers it.`,
  },
  check(ctx) {
    for (const e of [...withDownstream(ctx.index.models), ...ctx.index.collections, ...ctx.index.libraries]) {
      for (const field of LINK_FIELDS) {
        const v = e.fields.peek(field);
        // Most links are https: look for a plain http one before walking anything.
        if (!mayHoldHttp(v)) continue;
        const at = e.fields.get(field)!;
        for (const s of stringsIn(at)) {
          if (!/^http:\/\//i.test(s.value.trim())) continue;
          // The server may not offer https: a suggestion, never applied.
          const edit = ctx.fixer.replaceString(s.origin, s.value.trim().replace(/^http:/i, 'https:'));
          ctx.report({ at: s.origin, messageId: 'http', data: { field, url: s.value.trim() }, suggest: [edit && { desc: 'Use https', fix: edit }] });
        }
      }
    }
  },
});

/** Whether a value holds a string that starts with `http:` (a cheap look, no allocation). */
function mayHoldHttp(v: Data | undefined): boolean {
  if (typeof v === 'string') return HTTP.test(v);
  if (Array.isArray(v)) return v.some(mayHoldHttp);
  if (v && typeof v === 'object') return Object.values(v).some(mayHoldHttp);
  return false;
}

const HTTP = /^\s*http:/i;
