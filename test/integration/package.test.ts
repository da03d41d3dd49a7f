import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

describe('npm package', () => {
  it('npm pack ships dist, bin, schemas, docs (every rule\'s page), README and LICENSE, and no tests, fixtures or sources', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = ((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files).map((f) => f.path).sort();
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/milint.js', 'dist/index.js', 'dist/index.d.ts', 'dist/bundle/main.js', 'schemas/model-index.schema.json', 'docs/rules/results/outlier.md', 'docs/rules/README.md']) {
      expect(files).toContain(f);
    }
    const tops = new Set(files.map((f) => f.split('/')[0]));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'docs', 'package.json', 'schemas']);
  });

  it('npm pack prints only the tarball\'s name on standard output, with prepare run (pre-commit reads it)', () => {
    const dir = tmpTree({});
    const r = spawnSync('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(r.stdout).toBe('model-index-lint-0.1.0.tgz\n');
    expect(r.status).toBe(0);
  }, 300_000);

  it('package.json: bin, exports with types, engines, no placeholder metadata', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.bin).toEqual({ milint: 'bin/milint.js' });
    expect(pkg.exports).toMatchObject({ '.': { types: './dist/index.d.ts', default: './dist/index.js' } });
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(JSON.stringify(pkg)).not.toMatch(/example\.(com|org)|TODO|your-name|<[a-z-]+>/i);
  });

  it('publint finds nothing', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: ROOT, pack: 'npm' });
    expect(messages).toEqual([]);
  });
});

describe('GitHub Action', () => {
  it('is a composite action with the documented inputs, annotations and optional SARIF upload', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: { run?: string; uses?: string; if?: string }[] } };
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on-warnings', 'format', 'paths', 'preset', 'sarif']);
    expect(action.runs.using).toBe('composite');
    const script = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('-f github');
    expect(script).toContain('--max-warnings 0');
    expect(script).toContain('bin/milint.js');
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.if).toContain("inputs.sarif == 'true'");
  });

  it('its lint step runs as written (bash, with the inputs as the environment)', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { id?: string; run: string }[] } };
    const step = action.runs.steps.find((s) => s.id === 'lint')!;
    const tmp = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
    const r = spawnSync('bash', ['-c', step.run], {
      cwd: ROOT, encoding: 'utf8',
      env: {
        PATH: process.env.PATH, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: tmp, GITHUB_OUTPUT: join(tmp, 'out'),
        MILINT_PATHS: 'fixtures/demo', MILINT_PRESET: '', MILINT_CONFIG: '', MILINT_FORMAT: 'junit', MILINT_FAIL_ON_WARNINGS: 'true', MILINT_SARIF: 'true', NO_COLOR: '1',
      },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^::error file=fixtures\/demo\//m);
    expect(readFileSync(join(tmp, 'out'), 'utf8')).toContain('exit-code=1');
    expect(readFileSync(join(tmp, 'milint-report.txt'), 'utf8')).toContain('<testsuites');
    expect((JSON.parse(readFileSync(join(tmp, 'milint.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
  });
});
