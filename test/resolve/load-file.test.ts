import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/resolve/load-file.js';
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
        [other, ['3:22 schema/invalid-value Models[0].Metadata.Epochs must be a non-negative number, got number -1.']],
        [gone, ['1:1 file/unreadable The file could not be read (ENOENT).']],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a directory given as a file is unreadable (EISDIR), not a crash', () => {
    const f = loadFile(tmpdir());
    expect(f.unreadable).toBe(true);
    expect(f.reports.map((r) => r.data.reason)).toEqual(['EISDIR']);
  });
});
