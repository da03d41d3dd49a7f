import { defineRule, q } from '../define-rule.js';
import { betterOwner, OWNS_WEIGHTS } from '../helpers/weights-name.js';

export const weightsNameMismatch = defineRule({
  meta: {
    id: 'weights/name-mismatch', defaultSeverity: 'warning', fixable: false, scope: 'project', reads: { fields: ['Weights'], facts: [OWNS_WEIGHTS] },
    description: "A Weights file whose name matches another model of the index clearly better than its own model (a copy-paste of the neighbour's checkpoint) is reported.",
  },
  messages: {
    mismatch: (d) => `Weights file ${q(d.file)} matches model ${q(d.other)} better than this model ${q(d.name)}; is this the right checkpoint?`,
  },
  check(ctx) {
    // Every model's name, made once and only when a first model needs them (nearly every model
    // names its own file).
    let names: string[] | undefined;
    for (const m of ctx.index.models) {
      if (m.fact(OWNS_WEIGHTS)) continue;
      const name = m.name?.value;
      const weights = m.fields.peek('Weights');
      if (typeof name !== 'string' || typeof weights !== 'string') continue;
      // Another model whose every name token is in the file name, and which accounts for more of
      // the file name than this model does: the most specific such name wins.
      names ??= [...new Set(ctx.index.models.map((x) => x.name?.value).filter((n): n is string => typeof n === 'string'))];
      const best = betterOwner(name, weights, names);
      if (best === undefined) continue;
      ctx.report({ at: m.fields.get('Weights')!.origin, messageId: 'mismatch', data: { file: weights.split('/').pop() ?? weights, other: best, name } });
    }
  },
});
