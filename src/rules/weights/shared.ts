import type { Entry } from '../../model/types.js';
import { defineRule, q } from '../define-rule.js';
import { betterOwner, covers, isReuse, isUrl, nameInStem, tokens, weightsStem } from '../helpers/weights-name.js';
import { nameOf } from '../helpers/entries.js';

export const weightsShared = defineRule({
  meta: {
    id: 'weights/shared', defaultSeverity: 'warning', fixable: false, scope: 'project', reads: { fields: ['Weights'] },
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
      if (!isUrl(url)) continue; // a placeholder (`none`) is not a file
      const seen = byUrl.get(url);
      if (seen === undefined) byUrl.set(url, m);
      else if (Array.isArray(seen)) seen.push(m);
      else byUrl.set(url, [seen, m]);
    }
    let names: string[] | undefined;
    for (const [url, models] of byUrl) {
      if (!Array.isArray(models)) continue;
      const stem = weightsStem(url) ?? '';
      const matches = (m: Entry) => covers(nameOf(m), stem) || nameInStem(nameOf(m), tokens(stem));
      // Models whose names match the file may share it; the others are suspects. When no name
      // matches, the first model is taken as the owner.
      const owner = models.find(matches) ?? models[0]!;
      for (const m of models) {
        if (m === owner || matches(m)) continue;
        // One message per mistake: a second model of the same name is model/duplicate-name's
        // finding, a neighbour's checkpoint weights/name-mismatch's; a shot count or a method
        // started from another's checkpoint is a reuse on purpose.
        const name = nameOf(m);
        if (name === nameOf(owner) || isReuse(name, nameOf(owner))) continue;
        names ??= [...new Set(ctx.index.models.map((x) => x.name?.value).filter((n): n is string => typeof n === 'string'))];
        if (betterOwner(name, url, names) !== undefined) continue;
        ctx.report({ at: m.fields.get('Weights')!.origin, messageId: 'shared', data: { name: nameOf(m), owner: nameOf(owner), where: ctx.where(owner.fields.get('Weights')!.origin) } });
      }
    }
  },
});
