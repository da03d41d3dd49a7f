/**
 * The hook as a user installs it: a `.pre-commit-config.yaml` naming this repository (a clone of HEAD)
 * with `language: node` from `.pre-commit-hooks.yaml`. pre-commit runs `npm install`, `npm pack` (whose
 * stdout it takes as the tarball's name) and `npm install -g <tarball>`, fetching dependencies from the
 * npm registry. The repository is a copy of timm's, so `--index auto` sees the whole index.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const CLEAN = `# TinyNet\n\n<!--\nType: model-index\nCollections:\n- Name: TinyNet\n  Paper:\n    Title: A tiny network\n    URL: https://arxiv.org/abs/2010.14819\nModels:\n- Name: tinynet_a\n  In Collection: TinyNet\n  Metadata:\n    Epochs: 450\n  Results:\n  - Task: Image Classification\n    Dataset: ImageNet\n    Metrics:\n      Top 1 Accuracy: 77.65%\n      Top 5 Accuracy: 93.67%\n-->\n`;
// timm's collection is "DLA"; only the whole index can tell that "Dla" names nothing.
const BROKEN = '# DLA tiny\n\n<!--\nType: model-index\nModels:\n- Name: dla_tiny\n  In Collection: Dla\n  Metadata:\n    Epochs: 120\n-->\n';

describe.runIf(hasPreCommit)('pre-commit, language: node, from a clone of this repository', () => {
  it('installs the hook; a clean page commits, a broken In Collection is refused with milint\'s message', () => {
    const dir = tmpTree({});
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'cache'), NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const run = (cwd: string, cmd: string, ...args: string[]) => spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 400_000 });

    const clone = join(dir, 'milint');
    expect(run(dir, 'git', 'clone', '-q', ROOT, clone).status).toBe(0);
    const rev = run(clone, 'git', 'rev-parse', 'HEAD').stdout.trim();

    const repo = join(dir, 'models');
    mkdirSync(repo);
    cpSync(join(ROOT, 'fixtures', 'corpus', 'timm'), repo, { recursive: true });
    expect(run(repo, 'git', 'init', '-q').status).toBe(0);
    writeFileSync(join(repo, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: clone, rev, hooks: [{ id: 'milint' }] }] }));
    run(repo, 'git', 'add', '-A');
    expect(run(repo, 'git', 'commit', '-qm', 'timm').status).toBe(0);

    // try-repo: installs the node environment (npm install, npm pack, npm install -g) and runs on what is staged.
    writeFileSync(join(repo, 'docs', 'models', 'tiny-net.md'), CLEAN);
    run(repo, 'git', 'add', 'docs/models/tiny-net.md');
    const tried = run(repo, 'pre-commit', 'try-repo', clone, 'milint', '--ref', rev);
    expect(tried.stdout + tried.stderr).toMatch(/milint \(model-index metadata\)\.+Passed/);
    expect(tried.status).toBe(0);

    // The same hook installed from the config, as a user's repository has it.
    expect(run(repo, 'pre-commit', 'install').status).toBe(0);
    const good = run(repo, 'git', 'commit', '-m', 'a clean page');
    expect(good.stdout + good.stderr).toMatch(/milint \(model-index metadata\)\.+Passed/);
    expect(good.status).toBe(0);

    writeFileSync(join(repo, 'docs', 'models', 'dla-tiny.md'), BROKEN);
    run(repo, 'git', 'add', 'docs/models/dla-tiny.md');
    const bad = run(repo, 'git', 'commit', '-m', 'a broken page');
    const out = bad.stdout + bad.stderr;
    expect(out).toMatch(/milint \(model-index metadata\)\.+Failed/);
    expect(out).toContain('docs/models/dla-tiny.md\n  7:18  error  In Collection names "Dla", but the collection is named "DLA" (names are case-sensitive).  collection/exists');
    expect(out).not.toContain('docs/models/dla.md');
    expect(bad.status).not.toBe(0);
    expect(run(repo, 'git', 'log', '--format=%s').stdout.trim().split('\n')).toEqual(['a clean page', 'timm']);
  }, 600_000);
});
