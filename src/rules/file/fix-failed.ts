import { defineRule } from '../define-rule.js';

export const fileFixFailed = defineRule({
  meta: {
    id: 'file/fix-failed', stage: 'fix', defaultSeverity: 'warning', fixable: false,
    description: 'A fix that `--fix` could not apply safely (it would break the YAML, or the file changed on disk meanwhile) is reported instead of written.',
  },
  messages: {
    brokeYaml: (d) => `The fix of ${d.rule} at line ${d.line} would break the YAML, so it was not applied; fix that line by hand.`,
    changedOnDisk: () => 'The file changed on disk while milint was fixing it, so the fixes were not written; run milint --fix again.',
  },
});
