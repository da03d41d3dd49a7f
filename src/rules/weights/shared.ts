import type { Entry } from '../../model/types.js';
import { defineRule, q } from '../define-rule.js';
import { covers, nameInStem, tokens, weightsStem } from '../helpers/weights-name.js';
import { nameOf } from '../helpers/entries.js';

export const weightsShared = defineRule({
  meta: {
    id: 'weights/shared', defaultSeverity: 'warning', fixable: false, scope: 'project',
    description: 'Two models should not point at the same Weights file unless both names match the file (variants evaluated at another resolution); the model that does not match it is reported.',
  },
  messages: {
    shared: (d) => `Model ${q(d.name)} uses the same Weights file as ${q(d.owner)} (${d.where}); two models rarely share one checkpoint.`,
  },
  check(ctx) {
    // One model per URL is the rule: a list is made only for a URL seen twice.
    const byUrl = new Map<string, Entry | Entry[]>();
    for (const m of ctx.index.models) {
      const w = m.fields.peek('Weights');
      if (typeof w !== 'string') continue;
      const url = w.trim();
      if (url === '') continue;
      const seen = byUrl.get(url);
      if (seen === undefined) byUrl.set(url, m);
      else if (Array.isArray(seen)) seen.push(m);
      else byUrl.set(url, [seen, m]);
    }
    for (const [url, models] of byUrl) {
      if (!Array.isArray(models)) continue;
      const stem = weightsStem(url) ?? '';
      const matches = (m: Entry) => covers(nameOf(m), stem) || nameInStem(nameOf(m), tokens(stem));
      // Models whose names match the file may share it; the others are suspects. When no name
      // matches, the first model is taken as the owner.
      const owner = models.find(matches) ?? models[0]!;
      for (const m of models) {
        if (m === owner || matches(m)) continue;
        ctx.report({ at: m.fields.get('Weights')!.origin, messageId: 'shared', data: { name: nameOf(m), owner: nameOf(owner), where: ctx.where(owner.fields.get('Weights')!.origin) } });
      }
    }
  },
});
