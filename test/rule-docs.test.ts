/**
 * docs/rules/<family>/<name>.md exists for every rule, and its generated parts (summary, severity
 * in each preset, fixable, options) are what the registry says; the index and README's rule table
 * are what scripts/rule-docs.js writes. `milint rules <id>` prints a page.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPath, rules } from '../src/rules/index.js';
import { handWrittenPart, rulePage } from '../src/cli/rule-doc.js';
import { milint, ROOT } from './helpers/exec.js';

describe('rule documentation', () => {
  it.each(rules.map((r) => [r.meta.id, r]))('%s: the page\'s generated parts match the registry', (id, rule) => {
    const page = readFileSync(join(ROOT, docsPath(id)), 'utf8');
    const hand = handWrittenPart(page);
    expect(hand, 'hand-written markers').toBeDefined();
    expect(hand).not.toContain('TODO');
    expect(page).toBe(rulePage(rule, hand!));
  });

  it('no page for a rule that does not exist', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => `docs/rules/${f.split('\\').join('/')}`).sort();
    expect(pages).toEqual(rules.map((r) => docsPath(r.meta.id)).sort());
  });

  it('the index, the README table and the pages are what scripts/rule-docs.js writes', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rule-docs.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('Rule docs are up to date.\n');
    expect(r.status).toBe(0);
  });

  it('milint rules <id> prints the page; an unknown id is exit 2 with a suggestion', () => {
    const r = milint(['rules', 'results/outlier'], ROOT);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs', 'rules', 'results', 'outlier.md'), 'utf8'));
    expect(r.code).toBe(0);
    const bad = milint(['rules', 'results/outlyer'], ROOT);
    expect(bad.stderr).toBe('milint: Unknown rule "results/outlyer".\nDid you mean "results/outlier"?\n');
    expect(bad.code).toBe(2);
  });
});
