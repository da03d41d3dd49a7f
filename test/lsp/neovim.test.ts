/**
 * A real editor as the client: Debian's Neovim, headless, starts `milint lsp --stdio` (see
 * nvim/init.lua), opens a page of a copy of timm's docs with two mistakes, waits for the
 * diagnostics and writes what `vim.diagnostic.get()` holds. Skipped only when nvim is absent
 * (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

const TIMM = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus', 'timm');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'milint-nvim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const title = 'Neovim as the language client';
describe.skipIf(!hasNvim)(hasNvim ? title : `${title} (skipped: nvim is not installed; .ci/run installs it)`, () => {
  it('shows milint\'s diagnostics for a page, with rule ids and lines', () => {
    const root = join(dir, 'timm');
    cpSync(TIMM, root, { recursive: true });
    const page = join(root, 'docs', 'models', 'resnext.md');
    writeFileSync(page, readFileSync(page, 'utf8')
      .replace('FLOPs: 5472648192', "FLOPs: '5472648192'")
      .replace('Interpolation: bilinear', 'Interpolation: bilinaer'));
    const out = join(dir, 'diagnostics.json');
    const state = join(dir, 'state');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(import.meta.dirname, 'nvim', 'init.lua')], {
      cwd: root, encoding: 'utf8', timeout: 150_000,
      env: {
        PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: state, XDG_DATA_HOME: state, XDG_STATE_HOME: state, XDG_CACHE_HOME: state,
        MILINT_ROOT: root, MILINT_PAGE: page, MILINT_OUT: out, MILINT_NODE: process.execPath, MILINT_BIN: join(ROOT, 'bin', 'milint.js'),
      },
    });
    expect(r.error).toBeUndefined();
    const got = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { lnum: number; col: number; code: string; source: string }[] };
    expect(got.ok).toBe(true);
    const rows = got.diagnostics.map((d) => `${d.lnum + 1}:${d.col + 1} ${d.code} ${d.source}`).sort();
    expect(rows).toEqual(['126:20 metadata/interpolation milint', '138:12 metadata/number milint']);
    // Above init.lua's two minutes for the diagnostics: a slow server is waited for, not failed.
  }, 180_000);
});
