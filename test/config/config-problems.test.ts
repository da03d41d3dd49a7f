/**
 * Configuration mistakes are all reported in one run (exit 2), unknown rule option keys included;
 * errors from the API speak of its options, not of the CLI's flags.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, lint, resolveConfig } from '../../src/index.js';
import { milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

describe('configuration problems', () => {
  it('an unknown option key is refused with the key it likely means', () => {
    expect(() => resolveConfig({ file: { path: 'c.yml', data: { rules: { 'results/outlier': ['warn', { treshold: 10 }] } } } }))
      .toThrow(expect.objectContaining({ message: 'Unknown option "treshold" for rule results/outlier.', hint: 'Did you mean "threshold"?' }));
  });

  it('every mistake of a config file at once, exit 2, in the CLI', () => {
    const dir = tmpTree({
      '.milintrc.yml': 'rule: {}\nrules:\n  results/outlier: [warn, {treshold: 10}]\n  url/http: off\n  url/https: loud\n',
      'model-index.yml': 'Models:\n- Name: m\n',
    });
    const r = milint(['.'], dir);
    expect(r.stderr.replaceAll(dir, '<dir>')).toBe([
      'milint: 4 problems in the configuration:',
      '- Unknown key "rule" in <dir>/.milintrc.yml. Did you mean "rules"?',
      '- Unknown rule "url/http" in "rules" of <dir>/.milintrc.yml. Did you mean "url/https"?',
      '- Invalid severity "loud" for rule "url/https" in "rules" of <dir>/.milintrc.yml. Use off, info, warn or error (or 0, 1, 2).',
      '- Unknown option "treshold" for rule results/outlier. Did you mean "threshold"?',
      '',
    ].join('\n'));
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('--rule with an unknown option key: exit 2 naming --rule', () => {
    const dir = tmpTree({ 'model-index.yml': 'Models:\n- Name: m\n' });
    const r = milint(['.', '--rule', 'results/outlier: ["warn", {"minSample": 3}]', '--rule', 'url/https: loud'], dir);
    expect(r.stderr).toBe([
      'milint: 2 problems in the configuration:',
      '- Invalid severity "loud" for rule "url/https" in --rule. Use off, info, warn or error (or 0, 1, 2).',
      '- Unknown option "minSample" for rule results/outlier. Did you mean "minSamples"?',
      '',
    ].join('\n'));
    expect(r.code).toBe(2);
  });

  it('the API names its own options, never a CLI flag', async () => {
    const dir = tmpTree({ 'model-index.yml': 'Models:\n- Name: m\n' });
    await expect(lint({ cwd: dir, preset: 'nope' })).rejects.toThrow(expect.objectContaining({ message: 'Unknown preset "nope" in the "preset" option.' }));
    await expect(lint({ cwd: dir, ruleFlags: ['url/https off'] })).rejects.toThrow(ConfigError);
    await expect(lint({ cwd: dir, ruleFlags: ['url/https off'] })).rejects.toThrow('the "ruleFlags" option expects "rule-id: severity", got "url/https off".');
  });
});
