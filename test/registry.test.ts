/**
 * Meta tests over the rule registry: ids unique and well-formed, every rule documented by its page
 * docs/rules/<family>/<name>.md (see test/rule-docs.test.ts) and covered by valid and invalid
 * fixtures, `fixable` exactly when a fixed file exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, docsPath, docsUrl } from '../src/rules/index.js';
import { cases, expectedFile, FIXTURE_EXEMPT, RULES_DIR } from './helpers/rule-fixtures.js';

const ROOT = join(import.meta.dirname, '..');
const FAMILIES = ['file', 'yaml', 'schema', 'import', 'collection', 'model', 'metadata', 'weights', 'results', 'url'];

describe('rule registry', () => {
  it('has unique, well-formed ids in sorted order', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(FAMILIES).toContain(id.split('/')[0]);
    }
  });

  it('project rules declare what they read of entries (meta.reads), and only project rules do', () => {
    for (const rule of rules) {
      expect(rule.meta.reads !== undefined, rule.meta.id).toBe(rule.meta.scope === 'project');
      if (rule.meta.scope === 'project') expect(rule.check, rule.meta.id).toBeTypeOf('function');
    }
  });

  it.each(rules.map((r) => [r.meta.id, r]))('%s: description, messages and docs', (id, rule) => {
    expect(rule.meta.description).toMatch(/^[A-Z`].*\.$/);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    const page = readFileSync(join(ROOT, docsPath(id)), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toMatch(/\bBad:/);
    expect(page).toMatch(/\bGood:/);
    expect(page).toContain(`- Default severity: ${rule.meta.defaultSeverity}\n`);
    expect(docsUrl(id)).toBe(pathToFileURL(join(ROOT, 'docs', 'rules', `${id}.md`)).href);
  });

  it.each(rules.map((r) => [r.meta.id, r]))('%s: fixtures', (id, rule) => {
    const base = join(RULES_DIR, id);
    if (id in FIXTURE_EXEMPT) {
      expect(existsSync(join(base, 'invalid'))).toBe(false);
      return;
    }
    expect(cases(join(base, 'valid')).length, 'valid fixtures').toBeGreaterThan(0);
    const invalid = cases(join(base, 'invalid'));
    expect(invalid.length, 'invalid fixtures').toBeGreaterThan(0);
    for (const c of invalid) expect(existsSync(expectedFile(join(base, 'invalid'), c)), c).toBe(true);
    const fixed = readdirSync(join(base, 'invalid')).filter((f) => /\.fixed\./.test(f));
    expect(fixed.length > 0).toBe(rule.meta.fixable);
  });
});
