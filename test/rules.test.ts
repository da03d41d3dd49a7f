/**
 * One table-driven harness over the registry (in the manner of ESLint's RuleTester):
 * fixtures/rules/<family>/<name>/valid/* must give no diagnostic from the rule, and each
 * invalid/<case>.* must give exactly the diagnostics in <case>.expected.json (rule, message id,
 * line, column, end line, end column). Each case file is linted on its own, as a user would.
 * `UPDATE_FIXTURES=1` writes the expected files from the current output, for review in the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/lint/lint.js';
import { fixFiles } from '../src/fix/fix-files.js';
import { rules } from '../src/rules/index.js';
import { cases, expectedFile, FIXTURE_EXEMPT, RULES_DIR } from './helpers/rule-fixtures.js';

function diagnosticsOf(dir: string, file: string, ruleId: string) {
  const run = lintFiles({ patterns: [file], cwd: dir });
  return run.results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => ({
    ...(r.file !== join(dir, file) ? { file: r.file.slice(dir.length + 1) } : {}),
    ruleId: d.ruleId, messageId: d.messageId,
    line: d.start.line, column: d.start.column, endLine: d.end.line, endColumn: d.end.column,
  })));
}

describe.each(rules.filter((r) => !(r.meta.id in FIXTURE_EXEMPT)).map((r) => [r.meta.id]))('%s', (id) => {
  const base = join(RULES_DIR, id);
  const valid = join(base, 'valid');
  const invalid = join(base, 'invalid');
  it.each(cases(valid).map((c) => [c]))('valid: %s', (file) => {
    expect(diagnosticsOf(valid, file, id)).toEqual([]);
  });
  it.each(cases(invalid).map((c) => [c]))('invalid: %s', (file) => {
    const actual = diagnosticsOf(invalid, file, id);
    const expected_ = expectedFile(invalid, file);
    if (process.env.UPDATE_FIXTURES) writeFileSync(expected_, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expected_, 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
  const rule = rules.find((r) => r.meta.id === id)!;
  const fixCases = rule.meta.fixable ? cases(invalid).filter((c) => !c.endsWith('.case')).map((c) => [c]) : [];
  if (fixCases.length) it.each(fixCases)('fix: %s', (file) => {
    const fixedFile = join(invalid, file.replace(/(\.[^.]+)$/, '.fixed$1'));
    const { fixed } = fixFiles({ patterns: [file], cwd: invalid, onlyRules: new Set([id]) });
    const before = readFileSync(join(invalid, file), 'utf8');
    const after = fixed.find((f) => f.path === join(invalid, file))?.after ?? before;
    if (process.env.UPDATE_FIXTURES) writeFileSync(fixedFile, after);
    expect(after).toBe(readFileSync(fixedFile, 'utf8'));
    // Fixing the fixed text again changes nothing.
    const again = fixFiles({ patterns: [file], cwd: invalid, onlyRules: new Set([id]), overlay: new Map([[join(invalid, file), after]]) });
    expect(again.fixed).toEqual([]);
  });
});
