import { defineRule } from '../define-rule.js';
import { isMapping } from '../../schema/roles.js';

export const modelCodeVersion = defineRule({
  meta: {
    id: 'model/code-version', defaultSeverity: 'error', fixable: false,
    description: 'Code must be a mapping with URL and Version (OpenMMLab writes `Code: {URL: ..., Version: v0.21.0}`); off unless a preset turns it on.',
  },
  messages: {
    plain: () => 'Code is a plain URL; this preset writes it as a mapping with URL and Version.',
    noVersion: () => 'Code has no Version; add the release the URL belongs to.',
  },
  check(ctx) {
    for (const e of [...ctx.index.models, ...ctx.index.collections]) {
      const code = e.fields.get('Code');
      if (!code) continue;
      if (typeof code.value === 'string') ctx.report({ at: code.origin, messageId: 'plain', data: {} });
      else if (isMapping(code.value) && (code.value.Version === undefined || code.value.Version === null)) {
        ctx.report({ at: code.origin, target: 'key', messageId: 'noVersion', data: {} });
      }
    }
  },
});
