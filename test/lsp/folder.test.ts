/**
 * Agreement: the language server's workspace (files loaded once, buffers in their place) gives,
 * for pages of timm's index and after each of a series of edits, exactly what the plain
 * engine gives for `milint --index auto <page>` with the same unsaved texts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { Folder } from '../../src/lsp/folder.js';
import { formatOf } from '../../src/extract/extract.js';
import { isWalkedFile } from '../../src/discover/discover.js';

const TIMM = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus', 'timm');
const dir = mkdtempSync(join(tmpdir(), 'milint-folder-'));
cpSync(TIMM, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = readdirSync(join(dir, 'docs', 'models')).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, 'docs', 'models', f));

/** Edits a maintainer might make, one after the other. */
const EDITS: ((t: string) => string)[] = [
  (t) => t,
  (t) => t.replace(/FLOPs: (\d+)/, "FLOPs: '$1'"),
  (t) => t.replace(/In Collection: (.+)/, 'In Collection: $1x'),
  (t) => t.replace(/Weights: https/, 'Weights: http'),
  (t) => t.replace(/\n {2}Metadata:/, '\n Metadata:'),
  (t) => `${t}\n<!-- milint-disable-next-line url/https -->\n`,
];

const plain = (path: string, overlay: Map<string, string>, cwd = dir) =>
  lintFiles({ cwd, patterns: [path], index: 'auto', overlay }).results.find((r) => r.file === path)?.diagnostics ?? [];

describe('the language server\'s workspace agrees with the CLI', () => {
  // Every eighth page keeps the test short (each comparison is a whole lint of the index, twice).
  it('on timm pages, through a series of unsaved edits', () => {
    const folder = new Folder(dir);
    let compared = 0;
    for (const path of pages.filter((_, i) => i % 8 === 0)) {
      const original = readFileSync(path, 'utf8');
      let text = original;
      for (const edit of EDITS) {
        text = edit(text);
        folder.setText(path, text);
        const mine = Folder.diagnosticsOf(folder.lint(), path);
        expect(mine, `${path} after edit ${EDITS.indexOf(edit)}`).toEqual(plain(path, new Map([[path, text]])));
        compared += mine.length;
      }
      folder.close(path);
    }
    expect(compared).toBeGreaterThan(20);
    // Long (six lints of the index a page, twice): vitest's default 30 s could fail it on a loaded machine.
  }, 120_000);

  it('with two pages open at once, one renaming the collection the other names', () => {
    const folder = new Folder(dir);
    const [a, b] = [pages[0]!, pages[1]!];
    const textA = readFileSync(a, 'utf8');
    const name = /- Name: (.+)/.exec(textA)![1]!;
    const textB = readFileSync(b, 'utf8').replace(/In Collection: .+/, `In Collection: ${name}`);
    folder.setText(a, textA);
    folder.setText(b, textB);
    const both = new Map([[a, textA], [b, textB]]);
    expect(Folder.diagnosticsOf(folder.lint(), b)).toEqual(plain(b, both));
    const renamed = textA.replace(`- Name: ${name}`, '- Name: Renamed');
    folder.setText(a, renamed);
    const run = folder.lint();
    const expected = lintFiles({ cwd: dir, patterns: [a, b], index: 'auto', overlay: new Map([[a, renamed], [b, textB]]) }).results;
    expect(Folder.diagnosticsOf(run, b)).toEqual(expected.find((r) => r.file === b)!.diagnostics);
    expect(Folder.diagnosticsOf(run, b).map((d) => d.ruleId)).toContain('collection/exists');
  });

  it('on every file of the reference loader\'s test cases (imports, file references, Library, JSON), as written and with a model renamed', () => {
    const corpus = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus', 'pwc-model-index-tests');
    const roots = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => basename(f) === 'model-index.yml').map((f) => join(corpus, dirname(f)));
    let compared = 0;
    for (const root of roots) {
      const folder = new Folder(root);
      const whole = lintFiles({ cwd: root, patterns: ['model-index.yml'] });
      const reached = new Set(whole.resolution.units.map((u) => u.file.path));
      const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f)).filter((f) => formatOf(f) && existsSync(f) && !/SOURCE|EXPECTED/.test(f));
      for (const path of files) {
        const named = formatOf(path) === 'markdown' || isWalkedFile(basename(path)) || reached.has(path);
        for (const text of [readFileSync(path, 'utf8'), readFileSync(path, 'utf8').replace(/Name: \S+/, 'Name: renamed-here')]) {
          folder.setText(path, text);
          const mine = Folder.diagnosticsOf(folder.lint(), path);
          expect(mine, path).toEqual(named ? plain(path, new Map([[path, text]]), root) : []);
          compared += mine.length;
        }
        folder.close(path);
      }
    }
    expect(roots.length).toBeGreaterThan(10);
    expect(compared).toBeGreaterThan(0);
  });
});
