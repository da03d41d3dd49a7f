/**
 * `--cache`: per-file results kept between runs, keyed by the file's bytes, milint's version and
 * the effective configuration. Hits must give exactly the output of a cold run; a changed file or
 * configuration must be linted again, and project rules must still see every file.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, type LintOptions, type LintRun } from '../src/lint/lint.js';
import { lintFilesAsync } from '../src/engine/lint-async.js';
import { CACHE_FILE_NAME } from '../src/engine/lint-cache.js';
import { secretPath } from '../src/cache/cache-secret.js';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { milint } from './helpers/exec.js';
import { tmpTree } from './helpers/tmp.js';

const view = (run: LintRun) => run.results.map((r) => ({ file: r.file, diagnostics: r.diagnostics }));

function zoo(): { dir: string; pages: number } {
  const corpus = generateCorpus({ pages: 25, seed: 3, inject: true });
  return { dir: tmpTree(corpus.files), pages: Object.keys(corpus.files).filter((f) => f.endsWith('.md')).length };
}

async function cachedRun(dir: string, extra: Partial<LintOptions> = {}): Promise<LintRun> {
  return lintFilesAsync({ cwd: dir, patterns: ['.'], config: false, preset: 'timm', cache: true, concurrency: 'off', ...extra });
}

const cacheFile = (dir: string) => join(dir, 'node_modules', '.cache', 'milint', CACHE_FILE_NAME);

/**
 * Dates the cache an hour back: no stamp is older than it, so none is trusted, as for pages written
 * just before the cache (left to the clock, a slow run would make them old enough).
 */
const young = (dir: string) => { const t = Date.now() / 1000 - 3600; utimesSync(cacheFile(dir), t, t); };

const cold = (dir: string, extra: Partial<LintOptions> = {}) => lintFiles({ cwd: dir, patterns: ['.'], config: false, preset: 'timm', ...extra });

describe('--cache', () => {
  it('a warm run takes every page from the cache and gives the cold output exactly', async () => {
    const { dir, pages } = zoo();
    const first = await cachedRun(dir);
    // Nothing in the cache yet: every file is linted, none is hashed first to compare.
    expect(first.stats).toMatchObject({ cached: 0, hashed: 0 });
    expect(first.stats!.linted).toBeGreaterThanOrEqual(pages);
    expect(existsSync(cacheFile(dir))).toBe(true);
    young(dir);
    const second = await cachedRun(dir);
    // No stamp is old enough to be trusted, so every file is hashed (the root index too: it has a
    // cached line that sends it to the main graph).
    const known = first.stats!.linted + first.stats!.full;
    expect(second.stats).toMatchObject({ linted: 0, cached: first.stats!.linted, stamped: 0, hashed: known });
    expect(view(second)).toEqual(view(first));
    expect(view(second)).toEqual(view(cold(dir)));
    expect(second.results.flatMap((r) => r.diagnostics).length).toBeGreaterThan(10);
    // In worker threads too.
    young(dir);
    const third = await cachedRun(dir, { concurrency: 2 });
    expect(third.stats).toMatchObject({ linted: 0, cached: first.stats!.linted, threads: 2, hashed: known });
    expect(view(third)).toEqual(view(first));
  });

  it('a cold run in worker threads (outcomes as JSON text) writes the cache that a warm run reads', async () => {
    const { dir } = zoo();
    const first = await cachedRun(dir, { concurrency: 2 });
    expect(first.stats).toMatchObject({ cached: 0, threads: 2, hashed: 0 });
    const second = await cachedRun(dir);
    expect(second.stats).toMatchObject({ linted: 0, cached: first.stats!.linted });
    expect(view(second)).toEqual(view(first));
    expect(view(first)).toEqual(view(cold(dir)));
  });

  it('a changed file is linted again, alone, and project rules still see it from the unchanged ones', async () => {
    const dir = tmpTree({
      'model-index.yml': 'Import:\n- docs/*.md\n',
      'docs/a.md': '<!--\nType: model-index\nCollections:\n- Name: Fam\nModels:\n- Name: a1\n  In Collection: Fam\n-->\n',
      'docs/b.md': '<!--\nType: model-index\nModels:\n- Name: b1\n  In Collection: Fam\n-->\n',
      'docs/c.md': '<!--\nType: model-index\nModels:\n- Name: c1\n  In Collection: Fam\n-->\n',
    });
    const opts = { preset: 'recommended' };
    const first = await cachedRun(dir, opts);
    expect(first.results.flatMap((r) => r.diagnostics)).toEqual([]);
    // The collection is renamed in a.md: b.md and c.md (unchanged, from the cache) now name a missing one.
    writeFileSync(join(dir, 'docs/a.md'), '<!--\nType: model-index\nCollections:\n- Name: Family\nModels:\n- Name: a1\n  In Collection: Family\n-->\n');
    const second = await cachedRun(dir, opts);
    expect(second.stats).toMatchObject({ linted: 1, cached: 2 });
    const rows = second.results.flatMap((r) => r.diagnostics.map((d) => `${relative(dir, r.file)}:${d.start.line}:${d.start.column} ${d.ruleId}`));
    expect(rows).toEqual(['docs/b.md:5:18 collection/exists', 'docs/c.md:5:18 collection/exists']);
    expect(view(second)).toEqual(view(cold(dir, opts)));
  });

  describe('stamps (size, times and inode) save reading unchanged files', () => {
    /** Dates the cache an hour ahead: every stamp in it is then old enough to be trusted. */
    const age = (dir: string) => { const t = Date.now() / 1000 + 3600; utimesSync(cacheFile(dir), t, t); };

    for (const concurrency of ['off', 2] as const) {
      it(`a file with its recorded stamp is not read; one edited to the same size and time is (concurrency ${concurrency})`, async () => {
        const { dir } = zoo();
        // A modification time in whole seconds, so that it can be put back exactly after the edit.
        const page = join(dir, 'docs', 'models', 'family00002.md');
        const t0 = Math.floor(Date.now() / 1000) - 100;
        utimesSync(page, t0, t0);
        const first = await cachedRun(dir, { concurrency });
        const n = first.stats!.linted;
        age(dir);
        const second = await cachedRun(dir, { concurrency });
        expect(second.stats).toMatchObject({ linted: 0, cached: n, stamped: n, hashed: 0 });
        expect(view(second)).toEqual(view(first));
        // A different digit, the same size, and the old modification time put back: only the
        // change time tells, and the file is hashed and linted again.
        const before = statSync(page);
        const text = readFileSync(page, 'utf8');
        const edited = text.replace(/Top 1 Accuracy: (\d)/, (_m, d: string) => `Top 1 Accuracy: ${d === '9' ? '8' : '9'}`);
        expect(edited).not.toBe(text);
        expect(edited.length).toBe(text.length);
        writeFileSync(page, edited);
        utimesSync(page, t0, t0);
        expect(statSync(page).mtimeMs).toBe(before.mtimeMs);
        expect(statSync(page).size).toBe(before.size);
        const third = await cachedRun(dir, { concurrency });
        expect(third.stats).toMatchObject({ linted: 1, cached: n - 1, stamped: n - 1, hashed: 1 });
        expect(view(third)).toEqual(view(cold(dir)));
      });
    }

    it('a touched file (same bytes, new stamp) is a hit by its digest, and its new stamp is kept', async () => {
      const { dir } = zoo();
      const first = await cachedRun(dir);
      const n = first.stats!.linted;
      age(dir);
      const page = join(dir, 'docs', 'models', 'family00003.md');
      const t = Date.now() / 1000 - 60;
      utimesSync(page, t, t);
      const second = await cachedRun(dir);
      expect(second.stats).toMatchObject({ linted: 0, cached: n, stamped: n - 1, hashed: 1 });
      // The cache was written again with the page's new stamp: trusted once the cache is old enough.
      age(dir);
      const third = await cachedRun(dir);
      expect(third.stats).toMatchObject({ linted: 0, cached: n, stamped: n, hashed: 0 });
      expect(view(third)).toEqual(view(first));
    });

    it('when every stamp moved (a fresh checkout) and no bytes did, the cache is not written again', async () => {
      const { dir } = zoo();
      const first = await cachedRun(dir);
      const n = first.stats!.linted;
      age(dir);
      const aged = statSync(cacheFile(dir)).mtimeMs;
      const t = Date.now() / 1000 - 60;
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (/\.(md|ya?ml)$/.test(f)) utimesSync(join(dir, f), t, t);
      }
      const second = await cachedRun(dir);
      expect(second.stats).toMatchObject({ linted: 0, cached: n, stamped: 0 });
      expect(statSync(cacheFile(dir)).mtimeMs).toBe(aged);
      expect(view(second)).toEqual(view(first));
    });
  });

  it('a changed configuration lints every file again', async () => {
    const { dir } = zoo();
    const first = await cachedRun(dir);
    const flags = { ruleFlags: ['results/metric-format: off', 'url/https: error'] };
    const second = await cachedRun(dir, flags);
    expect(second.stats!.cached).toBe(0);
    expect(second.stats!.linted).toBe(first.stats!.linted);
    expect(view(second)).toEqual(view(cold(dir, flags)));
    expect(view(second)).not.toEqual(view(first));
    // The same configuration again: every file from the cache.
    expect((await cachedRun(dir, flags)).stats!.cached).toBe(first.stats!.linted);
  });

  it('a broken or foreign cache file is ignored and replaced; a deleted file leaves the cache', async () => {
    const { dir } = zoo();
    const file = join(dir, 'my-cache.tsv');
    writeFileSync(file, '{"layout": 2, "key": "x", "files": {');
    const first = await cachedRun(dir, { cacheLocation: 'my-cache.tsv' });
    expect(first.stats!.cached).toBe(0);
    const paths = () => readFileSync(file, 'utf8').split('\n').slice(1, -1).map((l) => JSON.parse(l.split('\t')[0]!) as string);
    const [page, other] = paths().filter((p) => p.endsWith('.md'));
    rmSync(page!);
    // A line cut short or edited by hand is linted again, not an error.
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').map((l) => (l.startsWith(JSON.stringify(other)) ? l.slice(0, l.length >> 1) : l)).join('\n'));
    const second = await cachedRun(dir, { cacheLocation: 'my-cache.tsv' });
    expect(second.stats).toMatchObject({ cached: first.stats!.linted - 2, linted: 1 });
    expect(paths()).not.toContain(page);
    expect(paths().length).toBe(first.stats!.linted + first.stats!.full - 1);
    expect(view(second)).toEqual(view(cold(dir)));
  });

  it('the header ends with a MAC of itself and the lines below it; each line has its own (a cache all as written skips the check of each line)', async () => {
    const { dir } = zoo();
    const file = join(dir, 'my-cache.tsv');
    await cachedRun(dir, { cacheLocation: 'my-cache.tsv' });
    const key = readFileSync(secretPath());
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    const header = text.slice(0, nl).split('\t');
    expect(header.slice(0, 2)).toEqual(['milint-cache', expect.stringMatching(/^\d+$/)]);
    expect(header[3]).toBe(createHmac('sha256', key).update(`${header.slice(0, 3).join('\t')}\t`).update(text.slice(nl + 1)).digest('hex'));
    // Each line keeps its own check too: of its path, digest, stamp and outcome.
    for (const line of text.slice(nl + 1, -1).split('\n')) {
      const [path, digest, stamp, check, outcome] = line.split('\t');
      expect(check).toBe(createHmac('sha256', key).update(`${JSON.parse(path!) as string}\t${digest}\t${stamp}\t${outcome}`).digest('hex').slice(0, 32));
    }
  });

  it('a line edited into other valid JSON (entries of another shape, a diagnostic moved, another digest) is linted again, not an error', async () => {
    const { dir } = zoo();
    const file = join(dir, 'my-cache.tsv');
    const first = await cachedRun(dir, { cacheLocation: 'my-cache.tsv' });
    const lines = readFileSync(file, 'utf8').split('\n');
    let edited = 0;
    writeFileSync(file, lines.map((l) => {
      // A block is `[kind, offset, length, index, dataPath, broken, entries]`.
      if (l.includes('false,[[') && edited === 0) { edited++; return l.replace('false,[[', 'false,[["x",'); }
      if (l.includes('"line":') && edited === 1) { edited++; return l.replace(/"line":(\d+)/, (_m, n: string) => `"line":${Number(n) + 100}`); }
      // The digest of another file's bytes (the path and digest are outside the outcome's text).
      if (l.endsWith(']]]') && edited === 2) { edited++; const f = l.split('\t'); f[1] = 'f'.repeat(40); return f.join('\t'); }
      return l;
    }).join('\n'));
    expect(edited).toBe(3);
    const second = await cachedRun(dir, { cacheLocation: 'my-cache.tsv' });
    expect(second.stats).toMatchObject({ cached: first.stats!.linted - 3, linted: 3 });
    expect(view(second)).toEqual(view(cold(dir)));
  });

  it('--cache-location takes a folder (trailing separator) or a file', async () => {
    const { dir } = zoo();
    await cachedRun(dir, { cacheLocation: 'caches/' });
    expect(existsSync(join(dir, 'caches', CACHE_FILE_NAME))).toBe(true);
    await cachedRun(dir, { cacheLocation: 'caches' });
    expect((await cachedRun(dir, { cacheLocation: 'caches' })).stats!.cached).toBeGreaterThan(0);
  });

  it('the CLI: same output and exit code cold and warm; an unwritable cache is a warning only', () => {
    const { dir } = zoo();
    const args = ['.', '--preset', 'timm', '--no-config', '-f', 'json', '--cache', '--cache-location', '.cache/'];
    const a = milint(args, dir);
    expect(existsSync(join(dir, '.cache', CACHE_FILE_NAME))).toBe(true);
    const b = milint(args, dir);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe('');
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const c = milint(['.', '--preset', 'timm', '--no-config', '-f', 'json', '--cache', '--cache-location', 'a-file/cache.json'], dir);
    expect(c.code).toBe(1);
    expect(c.stdout).toBe(a.stdout);
    expect(c.stderr).toMatch(/^milint: could not write the cache .*a-file[\\/]cache\.json \((ENOTDIR|EEXIST)\); results are not affected\.\n$/);
  });
});
