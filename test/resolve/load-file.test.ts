import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/parse/load-file.js';
import { resolveGraph } from '../../src/resolve/resolve.js';
import { lintResolution } from '../../src/lint/lint.js';

describe('file/unreadable', () => {
  it('a file that disappeared after discovery is reported, and the run goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'milint-'));
    try {
      const gone = join(dir, 'model-index.yml');
      const other = join(dir, 'metafile.yml');
      writeFileSync(other, 'Models:\n- Name: m\n  Metadata: {Epochs: -1}\n');
      const res = resolveGraph([gone, other]);
      const { results } = lintResolution(res, dir, new Set([gone, other]));
      expect(results.map((r) => [r.file, r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`)])).toEqual([
        [other, ['3:22 metadata/number Epochs must be a non-negative integer, got -1.']],
        [gone, ['1:1 file/unreadable The file could not be read (ENOENT).']],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a directory given as a file is refused without being opened, not a crash', () => {
    const f = loadFile(tmpdir());
    expect(f.unreadable).toBe(true);
    expect(f.reports.map((r) => [r.messageId, r.data.reason])).toEqual([['refused', 'it is a folder']]);
  });
});

describe('root-relative paths', () => {
  it('README, Config and Image resolve next to the file, then under --root-dir', async () => {
    const { lintTree } = await import('../helpers/tmp.js');
    const files = {
      'zoo/model-index.yml': 'Import: [configs/r/metafile.yml]\n',
      'zoo/configs/r/metafile.yml': 'Models:\n- Name: r\n  Config: configs/r/r50.py\n  README: configs/r/README.md\n  Image: local.png\n',
      'zoo/configs/r/r50.py': '# config\n',
      'zoo/configs/r/README.md': '# r\n',
      'zoo/configs/r/local.png': '',
    };
    const byRoot = lintTree(files, ['zoo']);
    expect(byRoot.index.rootDir).toBe(join(byRoot.dir, 'zoo'));
    expect(byRoot.results.flatMap((r) => r.diagnostics)).toEqual([]);
    const { lintFiles } = await import('../../src/lint/lint.js');
    const wrongRoot = lintFiles({ patterns: ['zoo'], cwd: byRoot.dir, rootDir: 'zoo/configs' });
    expect(wrongRoot.results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`)))
      .toEqual(['3:11 file/not-found', '4:11 file/not-found']);
  });
});

describe('root order', () => {
  it('model-index.* files go first (shallowest first, any case), then metafile.*, then the rest, each in path order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'milint-'));
    try {
      const names = ['a.md', 'sub/Model-Index.yml', 'a/deeper/model-index.yml', 'z/METAFILE.yaml', 'metafile.yml', 'model-index.yml', 'b/mymodel-index.yml', 'm.md'];
      for (const n of names) {
        mkdirSync(join(dir, n, '..'), { recursive: true });
        writeFileSync(join(dir, n), n.endsWith('.md') ? '# page\n' : 'Models: []\n');
      }
      const res = resolveGraph(names.map((n) => join(dir, n)));
      expect(res.roots.map((u) => u.file.path.slice(dir.length + 1))).toEqual([
        'model-index.yml', 'sub/Model-Index.yml', 'a/deeper/model-index.yml', 'metafile.yml', 'z/METAFILE.yaml', 'b/mymodel-index.yml',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
