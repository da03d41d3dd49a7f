import { defineRule } from '../define-rule.js';

export const fileFixFailed = defineRule({
  meta: {
    id: 'file/fix-failed', stage: 'fix', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/fix/fix-files.ts', 'src/fix/fix-failures.ts'],
    description: 'A fix that `--fix` could not apply safely (it would break the YAML, the file changed on disk meanwhile, is not UTF-8, or may not or could not be written) is reported instead of written.',
  },
  messages: {
    brokeYaml: (d) => `The fix of ${d.rule} at line ${d.line} would break the YAML, so it was not applied; fix that line by hand.`,
    changedOnDisk: () => 'The file changed on disk while milint was fixing it, so the fixes were not written; run milint --fix again.',
    notUtf8: () => 'The file is not valid UTF-8, so --fix did not rewrite it (its invalid bytes would be lost); save it as UTF-8 first, or fix it by hand.',
    refused: (d) => `--fix did not write the file: ${d.reason}. Fix it by hand.`,
    writeFailed: (d) => `--fix could not write the file (${d.reason}); it is unchanged.`,
  },
});
