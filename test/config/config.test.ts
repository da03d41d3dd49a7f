import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { ConfigError } from '../../src/errors.js';
import { lintFiles } from '../../src/lint/lint.js';
import { golden, milint } from '../helpers/exec.js';
import { lintTree, tmpTree } from '../helpers/tmp.js';

const sev = (c: ReturnType<typeof resolveConfig>, id: string) => c.rules.get(id as never)?.severity;
const opts = (c: ReturnType<typeof resolveConfig>, id: string) => c.rules.get(id as never)?.options;

describe('resolveConfig', () => {
  it('recommended by default: zoo conventions off, defaults filled in', () => {
    const c = resolveConfig();
    expect(c.extends).toEqual(['recommended']);
    expect(sev(c, 'model/id-matches-name')).toBe('off');
    expect(sev(c, 'url/https')).toBe('warning');
    expect(opts(c, 'metadata/number')).toEqual({ units: 'report', product: 'report' });
  });

  it('a preset extends its base; the file and the flags override in order', () => {
    const c = resolveConfig({
      file: { path: '/x/.milintrc', data: { extends: 'timm', rules: { 'url/https': 'off', 'results/outlier': ['warn', { threshold: 12 }] } } },
      ruleFlags: ['results/outlier: error', 'metadata/crop-pct: ["warn", {"form": "number"}]'],
    });
    expect(c.extends).toEqual(['recommended', 'timm']);
    expect(sev(c, 'model/id-matches-name')).toBe('error');
    expect(sev(c, 'url/https')).toBe('off');
    expect(sev(c, 'results/outlier')).toBe('error');
    expect(opts(c, 'results/outlier')).toEqual({ threshold: 12, minSamples: 8 });
    expect(sev(c, 'metadata/crop-pct')).toBe('warning');
    expect(opts(c, 'metadata/crop-pct')).toEqual({ form: 'number' });
  });

  it('--preset replaces extends', () => {
    const c = resolveConfig({ file: { path: '/x/.milintrc', data: { extends: 'timm' } }, preset: 'openmmlab' });
    expect(c.extends).toEqual(['recommended', 'openmmlab']);
    expect(sev(c, 'url/code-pinned')).toBe('off');
    expect(opts(c, 'file/not-found')).toEqual({ base: 'root' });
  });

  it.each<[string, unknown, string | undefined, RegExp, RegExp?]>([
    ['unknown key', { rule: {} }, undefined, /Unknown key "rule" in \/x\/\.milintrc\./, /Did you mean "rules"\?/],
    ['unknown preset', { extends: 'tim' }, undefined, /Unknown preset "tim" in "extends" of \/x\/\.milintrc\./, /Did you mean "timm"\?/],
    ['unknown rule', { rules: { 'url/http': 'off' } }, undefined, /Unknown rule "url\/http" in "rules" of \/x\/\.milintrc\./, /Did you mean "url\/https"\?/],
    ['bad severity', { rules: { 'url/https': 'loud' } }, undefined, /Invalid severity "loud" for rule "url\/https"/, /Use off, info, warn or error/],
    ['bad options', { rules: { 'results/outlier': ['warn', { threshold: 'high' }] } }, undefined, /Invalid options for rule results\/outlier: threshold:/],
    ['rules not a mapping', { rules: ['url/https'] }, undefined, /"rules" of \/x\/\.milintrc must be a mapping/],
    ['bad ruleFlags', {}, 'url/https off', /the "ruleFlags" option expects "rule-id: severity"/],
  ])('a bad configuration is a ConfigError: %s', (_name, data, flag, message, hint) => {
    let error: unknown;
    try {
      resolveConfig({ file: { path: '/x/.milintrc', data }, ...(flag ? { ruleFlags: [flag] } : {}) });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    if (hint) expect((error as ConfigError).hint).toMatch(hint);
  });
});

const BAD_HTTP = 'Models:\n- Name: m\n  Weights: http://example.org/m.pth\n';

describe('config files', () => {
  it.each([
    ['milint.config.json', '{"rules": {"url/https": "error"}}'],
    ['milint.config.yaml', 'rules:\n  url/https: error\n'],
    ['milint.config.yml', 'rules:\n  url/https: error\n'],
    ['.milintrc', 'rules:\n  url/https: error\n'],
    ['.milintrc.json', '{"rules": {"url/https": 2}}'],
    ['.milintrc.yaml', 'rules: {url/https: error}\n'],
    ['.milintrc.yml', 'rules: {url/https: error}\n'],
    ['package.json', '{"name": "zoo", "milint": {"rules": {"url/https": "error"}}}'],
  ])('%s is found from a sub-folder', (name, content) => {
    const run = lintTree({ '.git/HEAD': '', [name]: content, 'zoo/model-index.yml': BAD_HTTP }, ['model-index.yml'].map((f) => `zoo/${f}`));
    expect(run.results[0]!.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['url/https error']);
  });

  it('ignores and rootDir apply relative to the config file', () => {
    const dir = tmpTree({
      '.milintrc.yml': 'ignores: ["drafts/**"]\nrootDir: zoo\n',
      'zoo/model-index.yml': 'Models:\n- Name: m\n  README: docs/m.md\n',
      'zoo/docs/m.md': '# m\n',
      'drafts/model-index.yml': 'Models:\n- Name: [\n',
    });
    const run = lintFiles({ patterns: ['.'], cwd: dir });
    expect(run.results.map((r) => r.file.slice(dir.length + 1))).toEqual(['zoo/model-index.yml']);
    expect(run.results[0]!.diagnostics).toEqual([]);
  });

  it('the CLI: a bad config file exits 2 with the key and a suggestion; --print-config shows the result', async () => {
    const dir = tmpTree({ '.milintrc.yml': 'extends: timm\nrules:\n  weights/shared: off\n', 'model-index.yml': 'Models: []\n' });
    const printed = milint(['--print-config', 'model-index.yml'], dir);
    expect(printed.code).toBe(0);
    const cfg = JSON.parse(printed.stdout) as { extends: string[]; configFile: string; rules: Record<string, unknown> };
    expect(cfg.extends).toEqual(['recommended', 'timm']);
    expect(cfg.configFile).toBe('.milintrc.yml');
    expect(cfg.rules['weights/shared']).toBe('off');
    expect(cfg.rules['metadata/crop-pct']).toEqual(['error', { form: 'string' }]);
    const bad = tmpTree({ 'milint.config.json': '{"extend": "timm"}', 'model-index.yml': 'Models: []\n' });
    const r = milint(['.'], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`milint: Unknown key "extend" in ${bad}/milint.config.json.\nDid you mean "extends"?\n`);
    await expect(golden(['rules', '--preset', 'timm'], milint(['rules', '--preset', 'timm'], dir))).toMatchFileSnapshot('../golden/cli/rules-timm.md');
  });
});
