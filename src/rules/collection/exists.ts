import { defineRule, q } from '../define-rule.js';
import { closest } from '../../core/suggest.js';

export const collectionExists = defineRule({
  meta: {
    id: 'collection/exists', defaultSeverity: 'error', fixable: true, scope: 'project', reads: { fields: ['In Collection'] },
    description: '`In Collection` must name a collection defined in the index.',
  },
  messages: {
    unknown: (d) => `In Collection names ${q(d.name)}, but no collection of that name is defined.`,
    unknownMissing: (d) => `In Collection names ${q(d.name)}, but no collection of that name is defined (the index imports ${q(d.missing)}, which does not exist).`,
    caseMismatch: (d) => `In Collection names ${q(d.name)}, but the collection is named ${q(d.suggestion)} (names are case-sensitive).`,
    suggest: (d) => `In Collection names ${q(d.name)}, but no collection of that name is defined; did you mean ${q(d.suggestion)}?`,
  },
  check(ctx) {
    // A broken block may define the collection: only the names that occur in one's text are let be.
    // A missing import defines nothing, so the collection is undefined in the index as published.
    const texts = ctx.index.broken ?? (ctx.index.complete ? [] : undefined);
    if (!texts) return;
    const broken = new Set(texts.flatMap(definedNames));
    const names = new Set<string>();
    // The collections of each file: a did-you-mean prefers a name defined on the model's own page.
    const byFile = new Map<string, string[]>();
    for (const c of ctx.index.collections) {
      const name = c.name?.value;
      if (typeof name !== 'string') continue;
      names.add(name.trim());
      const file = c.origin.block.block.file.path;
      byFile.set(file, [...(byFile.get(file) ?? []), name.trim()]);
    }
    for (const m of ctx.index.models) {
      const value = m.fields.peek('In Collection');
      if (typeof value !== 'string' || names.has(value.trim())) continue;
      const ref = m.fields.get('In Collection')!;
      const wanted = value.trim();
      if (broken.has(wanted)) continue;
      const sameCase = [...names].find((n) => n.toLowerCase() === wanted.toLowerCase());
      const local = byFile.get(ref.origin.block.block.file.path) ?? [];
      // A near miss of a name a broken block defines is still the likely mistake (not a missing import).
      const suggestion = sameCase ?? closest(wanted, local) ?? closest(wanted, [...names]) ?? closest(wanted, [...broken]);
      if (!suggestion) {
        const missing = ctx.index.missing?.[0];
        ctx.report(missing === undefined
          ? { at: ref.origin, messageId: 'unknown', data: { name: value } }
          : { at: ref.origin, messageId: 'unknownMissing', data: { name: value, missing } });
        continue;
      }
      const edit = ctx.fixer.replaceString(ref.origin, suggestion);
      ctx.report(sameCase
        // Only the case differs: the defined name is the one obviously right answer.
        ? { at: ref.origin, messageId: 'caseMismatch', data: { name: value, suggestion }, fix: edit }
        : { at: ref.origin, messageId: 'suggest', data: { name: value, suggestion }, suggest: [edit && { desc: `Use "${suggestion}"`, fix: edit }] });
    }
  },
});

/** `Name: X`, `- name: "X"`, `{Name: X, ...}`: the whole value of a Name key, quoted or not. */
// Values are bounded (a name is short) so that hostile text costs linear time.
const NAME_VALUE = /(?:^|[\s{,-])name[ \t]*:[ \t]*(?:"([^"\n]{0,200})"|'([^'\n]{0,200})'|([^\s,{}#"'][^\n,{}#]{0,200}))/gim;

/** The names a broken block's text could define: each value of a `Name:` key, trimmed. */
function definedNames(text: string): string[] {
  return [...text.matchAll(NAME_VALUE)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
}
