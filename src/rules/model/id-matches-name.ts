import { defineRule, q } from '../define-rule.js';

export const modelIdMatchesName = defineRule({
  meta: {
    id: 'model/id-matches-name', defaultSeverity: 'error', fixable: false,
    description: 'Metadata.ID must equal the model Name (timm uses the name as the model id); off unless a preset turns it on.',
  },
  messages: {
    differs: (d) => `Metadata.ID ${q(d.id)} differs from the model Name ${q(d.name)}; this preset expects them to be equal.`,
  },
  check(ctx) {
    for (const m of ctx.index.models) {
      const id = m.metadata.get('ID');
      if (!id || typeof m.name?.value !== 'string' || id.value === null) continue;
      if (String(id.value).trim() !== m.name.value.trim()) {
        const edit = ctx.fixer.replaceString(id.origin, m.name.value.trim());
        ctx.report({ at: id.origin, messageId: 'differs', data: { id: String(id.value), name: m.name.value }, suggest: [edit && { desc: `Set ID to "${m.name.value.trim()}"`, fix: edit }] });
      }
    }
  },
});
