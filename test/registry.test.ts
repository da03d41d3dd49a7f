/**
 * Meta tests over the rule registry: ids unique and well-formed, every rule documented in the
 * README and covered by valid and invalid fixtures, `fixable` exactly when a fixed file exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, docsUrl } from '../src/rules/index.js';
import { cases, expectedFile, FIXTURE_EXEMPT, RULES_DIR } from './helpers/rule-fixtures.js';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
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

  it.each(rules.map((r) => [r.meta.id, r]))('%s: description, messages and docs', (id, rule) => {
    expect(rule.meta.description).toMatch(/^[A-Z`].*\.$/);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    const section = README.split(/\n(?=### )/).find((s) => s.startsWith(`### ${id}\n`));
    expect(section, `README has no "### ${id}" section`).toBeDefined();
    expect(section).toMatch(/Bad:/);
    expect(section).toMatch(/Good:/);
    expect(section).toContain(`Default severity: ${rule.meta.defaultSeverity}`);
    expect(docsUrl(id)).toContain(id.replace('/', ''));
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
