import { defineRule, q } from '../define-rule.js';
import { covers, nameInStem, sharedTokens, tokens, weightsStem } from '../helpers/weights-name.js';

export const weightsNameMismatch = defineRule({
  meta: {
    id: 'weights/name-mismatch', defaultSeverity: 'warning', fixable: false, scope: 'project',
    description: "A Weights file whose name matches another model of the index clearly better than its own model (a copy-paste of the neighbour's checkpoint) is reported.",
  },
  messages: {
    mismatch: (d) => `Weights file ${q(d.file)} matches model ${q(d.other)} better than this model ${q(d.name)}; is this the right checkpoint?`,
  },
  check(ctx) {
    const names = [...new Set(ctx.index.models.map((m) => m.name?.value).filter((n): n is string => typeof n === 'string'))];
    for (const m of ctx.index.models) {
      const weights = m.fields.peek('Weights');
      if (typeof weights !== 'string' || typeof m.name?.value !== 'string') continue;
      const stem = weightsStem(weights);
      if (!stem || covers(m.name.value, stem)) continue;
      const stemTokens = tokens(stem);
      if (nameInStem(m.name.value, stemTokens)) continue;
      // Another model whose every name token is in the file name, and which accounts for more of
      // the file name than this model does: the most specific such name wins.
      const own = sharedTokens(m.name.value, stemTokens);
      let best: string | undefined;
      let bestShared = own;
      for (const n of names) {
        if (n === m.name.value || !nameInStem(n, stemTokens)) continue;
        const shared = sharedTokens(n, stemTokens);
        if (shared > bestShared) { best = n; bestShared = shared; }
      }
      if (best === undefined) continue;
      ctx.report({ at: m.fields.get('Weights')!.origin, messageId: 'mismatch', data: { file: weights.split('/').pop() ?? weights, other: best, name: m.name.value } });
    }
  },
});
