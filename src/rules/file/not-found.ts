import type { Entry } from '../../model/types.js';
import * as z from 'zod';
import { defineRule, qPath } from '../define-rule.js';
import { FILE_REF_FIELDS, fileRefsOf } from '../helpers/file-refs.js';
import { insideAny } from '../../io/paths.js';

export const fileNotFound = defineRule({
  meta: {
    id: 'file/not-found', defaultSeverity: 'error', fixable: false, scope: 'project', reads: { fields: FILE_REF_FIELDS },
    description: 'README, Image and Config paths must name existing files (relative to the file that names them, or to the project root; a preset may require one of the two).',
  },
  options: z.object({ base: z.enum(['file', 'root', 'either']).default('either') }),
  messages: {
    outside: (d) => `${d.field} names ${qPath(d.path)}, which is outside the project root; it was not checked (use --allow-outside-root).`,
    missing: (d) => `${d.field} names ${qPath(d.path)}, which does not exist (looked in ${d.looked}).`,
  },
  check(ctx) {
    const entries: Entry[] = [...ctx.index.models, ...ctx.index.collections, ...ctx.index.libraries];
    for (const entry of entries) {
      for (const ref of fileRefsOf(entry, ctx.index.rootDir, ctx.options.base)) {
        if (ref.candidates.some((c) => ctx.fileExists(c))) continue;
        if (ctx.confine !== undefined && ref.candidates.every((c) => !insideAny(ctx.confine!, c) || ctx.leadsOutside(c))) {
          ctx.report({ at: ref.at.origin, messageId: 'outside', data: { field: ref.field, path: ref.path } });
          continue;
        }
        ctx.report({
          at: ref.at.origin, messageId: 'missing',
          data: { field: ref.field, path: ref.path, looked: ref.looked },
        });
      }
    }
  },
});
