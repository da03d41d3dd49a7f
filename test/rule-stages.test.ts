/**
 * A rule reported by a pipeline stage (`meta.stage`) has no `check`: its file only declares the
 * messages, and `meta.detectedIn` names the files that detect it. Those names must stay true as the
 * code moves: each file exists and reports the rule's id, and together they use every message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';

const ROOT = join(import.meta.dirname, '..');
const stageRules = rules.filter((r) => r.meta.stage !== undefined);

describe('stage rules', () => {
  it('a rule without a check is reported by a stage, and a rule with one is not', () => {
    expect(rules.filter((r) => !r.check && !r.meta.stage).map((r) => r.meta.id)).toEqual([]);
    expect(rules.filter((r) => r.check && (r.meta.stage || r.meta.detectedIn)).map((r) => r.meta.id)).toEqual([]);
    expect(stageRules.length).toBeGreaterThan(20);
  });

  it.each(stageRules.map((r) => [r.meta.id, r]))('%s names the files that detect it', (id, rule) => {
    const files = rule.meta.detectedIn ?? [];
    expect(files.length).toBeGreaterThan(0);
    const texts = files.map((f) => {
      expect(existsSync(join(ROOT, f)), `${f} exists`).toBe(true);
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(text, `${f} reports ${id}`).toContain(`'${id}'`);
      return text;
    });
    for (const messageId of Object.keys(rule.messages)) {
      expect(texts.some((t) => t.includes(`'${messageId}'`)), `${id}: message ${messageId} is used in ${files.join(', ')}`).toBe(true);
    }
  });
});
