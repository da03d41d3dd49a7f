/**
 * A real pre-commit run (Debian's pre-commit; `.ci/run` installs it) in a temporary repository. The
 * hook is our `.pre-commit-hooks.yaml` entry — its id, `files` pattern and arguments — run as a
 * local `language: system` hook on the built CLI, because installing a `language: node` hook
 * would fetch from the registry inside a test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed: .ci/run should have installed it');

const PAGE = (name: string, collection: string) => `# ${name}\n\n<!--\nType: model-index\nModels:\n- Name: ${name}\n  In Collection: ${collection}\n  Metadata:\n    Epochs: 90\n-->\n`;

describe.runIf(hasPreCommit)('pre-commit', () => {
  it('a bad staged file fails the commit with milint\'s message; a good one passes', () => {
    const hook = (parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; require_serial: boolean }[])[0]!;
    expect(hook.id).toBe('milint');
    const entry = hook.entry.replace(/^milint\b/, `node ${join(ROOT, 'bin', 'milint.js')}`);
    const dir = tmpTree({
      'model-index.yml': 'Import:\n- docs/*.md\nCollections:\n- Name: ResNet\n',
      'docs/resnet.md': PAGE('resnet50', 'ResNet'),
      'notes.txt': 'not linted\n',
      '.pre-commit-config.yaml': stringify({
        repos: [{ repo: 'local', hooks: [{ id: hook.id, name: 'milint', entry, language: 'system', files: hook.files, require_serial: hook.require_serial }] }],
      }),
    });
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, '.cache'), NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const run = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8' });
    expect(run('git', 'init', '-q').status).toBe(0);
    expect(run('pre-commit', 'install').status).toBe(0);
    run('git', 'add', '-A');
    const good = run('git', 'commit', '-m', 'good');
    expect(good.stdout + good.stderr).toMatch(/milint\.+Passed/);
    expect(good.status).toBe(0);

    // A new page whose collection is a typo: only cross-file knowledge (the root index) can tell.
    writeFileSync(join(dir, 'docs', 'vgg.md'), PAGE('vgg16', 'Resnet'));
    run('git', 'add', 'docs/vgg.md');
    const bad = run('git', 'commit', '-m', 'bad');
    const out = bad.stdout + bad.stderr;
    expect(bad.status).not.toBe(0);
    expect(out).toMatch(/milint\.+Failed/);
    expect(out).toContain('docs/vgg.md');
    expect(out).toContain('In Collection names "Resnet", but the collection is named "ResNet" (names are case-sensitive).  collection/exists');
    expect(out).not.toContain('docs/resnet.md');
    expect(run('git', 'log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
    // Seven commands in turn, two of them commits that run pre-commit (Python) and milint: vitest's
    // default 30 s could fail it on a loaded machine.
  }, 120_000);
});
