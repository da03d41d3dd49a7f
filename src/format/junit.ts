/**
 * JUnit XML for CI systems that read only test reports: a test suite per file, a failing test case
 * per problem (a passing one for a clean file).
 */
import type { Formatter } from './types.js';
import { repoPath } from './paths.js';
import { noCommands, safeText } from '../io/sanitize.js';

/**
 * Escapes text for XML, with control characters and bidi marks shown as `safeText` shows them (CI
 * pages print the messages), and dropping the two noncharacters XML 1.0 cannot hold.
 */
export function xml(s: string): string {
  return noCommands(safeText(s))
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export const junit: Formatter = (results, ctx) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const path = repoPath(r.file, ctx.cwd);
    const cases: string[] = [];
    for (const d of r.diagnostics) {
      const where = `${path}:${d.start.line}:${d.start.column}`;
      cases.push(`    <testcase name="${xml(`${where} ${d.ruleId}`)}" classname="${xml(d.ruleId)}" file="${xml(path)}" line="${d.start.line}">\n`
        + `      <failure message="${xml(d.message)}" type="${d.severity}">${xml(`${where}: ${d.severity} ${d.message} [${d.ruleId}]`)}</failure>\n`
        + '    </testcase>');
    }
    if (cases.length === 0) cases.push(`    <testcase name="${xml(path)}" classname="milint" file="${xml(path)}"/>`);
    tests += cases.length;
    failures += r.diagnostics.length;
    suites.push(`  <testsuite name="${xml(path)}" tests="${cases.length}" failures="${r.diagnostics.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="milint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};
