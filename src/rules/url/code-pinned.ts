import { defineRule, q } from '../define-rule.js';
import { urlOf } from '../helpers/strings.js';

const GITHUB = /^https?:\/\/(www\.)?github\.com\/[^/]+\/[^/]+/i;
const PINNED = /\/(blob|tree|raw|commit)\/[0-9a-f]{40}(\/|$|#)/i;

export const urlCodePinned = defineRule({
  meta: {
    id: 'url/code-pinned', defaultSeverity: 'error', fixable: false,
    description: 'A GitHub Code URL must be pinned to a commit (`/blob/<40-hex sha>/...`), so that the line it points at does not move; off unless a preset turns it on.',
  },
  messages: {
    unpinned: (d) => `Code URL ${q(d.url)} is not pinned to a commit; use a /blob/<commit sha>/ link so that it keeps pointing at the same code.`,
  },
  check(ctx) {
    for (const e of [...ctx.index.models, ...ctx.index.collections]) {
      const at = e.fields.get('Code');
      const url = urlOf(at?.value);
      if (!at || !url || !GITHUB.test(url.trim()) || PINNED.test(url.trim())) continue;
      const origin = typeof at.value === 'string' ? at.origin : { ...at.origin, path: [...at.origin.path, 'URL'] };
      ctx.report({ at: origin, messageId: 'unpinned', data: { url } });
    }
  },
});
