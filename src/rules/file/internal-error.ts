import { defineRule } from '../define-rule.js';

export const fileInternalError = defineRule({
  meta: {
    id: 'file/internal-error', stage: 'file', defaultSeverity: 'error', fixable: false,
    detectedIn: ['src/lint/run-rules.ts'],
    description: 'A rule that fails with an exception (a bug in milint) is reported as a diagnostic naming it; the other rules and files still run, and the exit code is 2.',
  },
  messages: {
    failed: (d) => `Rule ${d.rule} failed (a bug in milint, please report it): ${d.error}. The other rules ran.`,
    customFailed: (d) => `Rule ${d.rule} (a project's own rule) failed: ${d.error}. The other rules ran.`,
  },
});
