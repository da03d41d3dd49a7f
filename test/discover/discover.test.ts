import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { InputError } from '../../src/errors.js';
import { lintFiles } from '../../src/lint/lint.js';
import { tmpTree } from '../helpers/tmp.js';

const PAGE = '<!--\nType: model-index\nModels:\n- Name: m\n-->\n';

describe('discover', () => {
  const dir = tmpTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.draft.md\n',
    'model-index.yml': 'Import: [docs/*.md]\n',
    'docs/a.md': PAGE,
    'docs/b.draft.md': PAGE,
    'docs/notes.yml': 'x: 1\n',
    'docs/.hidden/c.md': PAGE,
    'docs/sub/.gitignore': 'local.md\n',
    'docs/sub/local.md': PAGE,
    'docs/sub/kept.md': PAGE,
    'configs/r/metafile.yaml': 'Models: []\n',
    'configs/r/other.yml': 'Models: []\n',
    'node_modules/pkg/README.md': PAGE,
    'build/out.md': PAGE,
  });
  const rel = (files: readonly string[]) => files.map((f) => relative(dir, f));

  it('walks a folder for pages and model-index/metafile data, skipping ignored places', () => {
    expect(rel(discover(['.'], dir).files)).toEqual([
      'configs/r/metafile.yaml', 'docs/a.md', 'docs/sub/kept.md', 'model-index.yml',
    ]);
  });

  it('takes a named file whatever its name, and a path named twice once', () => {
    const d = discover(['docs/notes.yml', 'docs/notes.yml', 'docs/.hidden/c.md'], dir);
    expect(rel(d.files)).toEqual(['docs/notes.yml', 'docs/.hidden/c.md']);
    expect(d.explicit.size).toBe(2);
  });

  it('expands globs, without gitignored files', () => {
    expect(rel(discover(['docs/**/*.md'], dir).files)).toEqual(['docs/a.md', 'docs/sub/kept.md']);
  });

  it('a path or glob that matches nothing is an InputError', () => {
    expect(() => discover(['nope'], dir)).toThrow(InputError);
    expect(() => discover(['nope/*.md'], dir)).toThrow(/No files matched the pattern: nope\/\*\.md/);
  });

  it('a file both named and imported is linted once; an import is followed even into ignored files', () => {
    const run = lintFiles({ patterns: ['model-index.yml', 'docs/a.md'], cwd: dir });
    expect(rel(run.results.map((r) => r.file))).toEqual(['docs/a.md', 'docs/b.draft.md', 'model-index.yml']);
    expect(run.index.models).toHaveLength(2);
    expect(run.resolution.roots).toHaveLength(1);
  });

  it('survives a symlink loop in a walked folder', () => {
    const loop = tmpTree({ 'docs/a.md': PAGE });
    mkdirSync(join(loop, 'docs', 'deeper'));
    symlinkSync(join(loop, 'docs'), join(loop, 'docs', 'deeper', 'back'));
    expect(discover(['.'], loop).files.map((f) => relative(loop, f))).toEqual(['docs/a.md']);
  });
});
