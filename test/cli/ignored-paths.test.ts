/**
 * Naming only what is ignored is not a pass: a CI job pointed at a git-ignored folder, or at files
 * the configuration's `ignores` leaves out, exits 2 and says why (ESLint: "all files matched are ignored").
 */
import { describe, expect, it } from 'vitest';
import { milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const PAGE = '# A\n\n<!--\nType: model-index\nModels:\n- Name: a\n  Metadata:\n    Epochs: -1\n-->\n';
const tree = (extra: Record<string, string> = {}) => tmpTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/models/a.md': PAGE, 'other/b.md': PAGE, ...extra });
const HINT = 'Use --no-ignore (the API\'s noIgnore option) to lint them anyway, or name other paths.\n';

describe('ignored paths', () => {
  it('an empty path (an unset shell variable) is a usage error, not the current folder', () => {
    const dir = tree();
    for (const args of [[''], ['docs', ' ']]) {
      const r = milint(args, dir);
      expect(r.stderr).toBe('milint: An empty path was given.\nName files, folders or globs; "." is the current folder.\n');
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    }
  });

  it('a git-ignored folder, named or globbed: exit 2, by .gitignore; --no-ignore lints it', () => {
    const dir = tree({ '.gitignore': 'docs/\n' });
    for (const pattern of ['docs', 'docs/**/*.md']) {
      const r = milint([pattern], dir);
      expect(r.stderr).toBe(`milint: All files matched by "${pattern}" are ignored (by .gitignore).\n${HINT}`);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    }
    const all = milint(['docs', '--no-ignore', '-f', 'compact'], dir);
    expect(all.stdout).toContain('docs/models/a.md:8:13: error');
    expect(all.code).toBe(1);
  });

  it('files the config\'s "ignores" leaves out, as a folder or as files named: exit 2, naming the config', () => {
    const dir = tree({ '.milintrc.yml': 'ignores:\n  - "docs/**"\n' });
    const folder = milint(['docs'], dir);
    expect(folder.stderr).toBe(`milint: All files matched by "docs" are ignored (by "ignores" in .milintrc.yml).\n${HINT}`);
    expect(folder.code).toBe(2);
    const named = milint(['docs/models/a.md'], dir);
    expect(named.stderr).toBe(`milint: All files named are ignored: docs/models/a.md (by "ignores" in .milintrc.yml).\n${HINT}`);
    expect(named.code).toBe(2);
    // One file left to lint: the run lints it (and leaves the ignored one out).
    const mixed = milint(['docs/models/a.md', 'other/b.md', '-f', 'compact'], dir);
    expect(mixed.stdout).toContain('other/b.md:8:13: error');
    expect(mixed.stdout).not.toContain('docs/models/a.md');
    expect(mixed.code).toBe(1);
    expect(milint(['docs', '--no-ignore', '-f', 'compact'], dir).stdout).toContain('docs/models/a.md:8:13: error');
  });

  it('--ignore-pattern leaves files out like "ignores"; all of a folder left out is exit 2', () => {
    const dir = tree();
    const r = milint(['docs', '--ignore-pattern', 'docs/**'], dir);
    expect(r.stderr).toBe(`milint: All files matched by "docs" are ignored (by --ignore-pattern).\n${HINT}`);
    expect(r.code).toBe(2);
    const some = milint(['.', '--ignore-pattern', 'docs/**', '-f', 'compact'], dir);
    expect(some.stdout).toContain('other/b.md:8:13: error');
    expect(some.stdout).not.toContain('docs/models/a.md');
    expect(some.code).toBe(1);
  });

  it('pre-commit (--index) passing only ignored files: nothing to lint, exit 0', () => {
    const dir = tree({ '.milintrc.yml': 'ignores:\n  - "docs/**"\n' });
    const r = milint(['--index', 'auto', 'docs/models/a.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
