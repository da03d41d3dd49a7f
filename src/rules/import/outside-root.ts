import { defineRule, q } from '../define-rule.js';

export const importOutsideRoot = defineRule({
  meta: {
    id: 'import/outside-root', stage: 'resolve', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/resolve/resolve.ts'],
    description: 'References (Import, Models, Metadata, Results, Library, README, Config, Image) must stay inside the project root; one that leads outside (an absolute path, `../`) is reported and not followed, unless `--allow-outside-root` is given.',
  },
  messages: {
    outside: (d) => `${d.field} names ${q(d.target)}, which is outside the project root; it was not read (use --allow-outside-root to follow it).`,
  },
});
