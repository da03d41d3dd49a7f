import { basename } from 'node:path';
import { defineRule, q } from '../define-rule.js';

export const importOrphan = defineRule({
  meta: {
    id: 'import/orphan', defaultSeverity: 'warning', fixable: false, scope: 'project', reads: {},
    description: 'A metafile or model-index file under the root that no `Import:` of the root index reaches is reported: its models are not part of the published index.',
  },
  messages: {
    orphan: (d) => `${q(d.file)} is not reached by any Import of the root index ${d.root}, so its models are not published; add it to an Import list.`,
  },
  check(ctx) {
    for (const o of ctx.orphans) {
      const file = o.block.block.file.path;
      if (!/^(metafile|model-index)\./i.test(basename(file))) continue;
      ctx.report({ at: { block: o.block, path: [] }, messageId: 'orphan', data: { file: basename(file), root: ctx.rootIndex ?? 'model-index.yml' } });
    }
  },
});
