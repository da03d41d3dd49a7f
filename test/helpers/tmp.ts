import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { lintFiles, type LintRun } from '../../src/lint/lint.js';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** Writes files (text or bytes) into a new temporary folder and returns its path. */
export function tmpTree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'milint-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** Lints a tree of files written to a temporary folder. */
export function lintTree(files: Record<string, string | Uint8Array>, patterns: string[] = ['.']): LintRun & { dir: string } {
  const dir = tmpTree(files);
  return { ...lintFiles({ patterns, cwd: dir }), dir };
}

/** The diagnostics of a run as compact rows, easy to compare: `file:line:col-endLine:endCol rule/id`. */
export function rows(run: LintRun & { dir?: string }, base?: string): string[] {
  const out: string[] = [];
  for (const r of run.results) {
    const rel = base ?? run.dir ? r.file.slice((base ?? run.dir!).length + 1) : r.file;
    for (const d of r.diagnostics) out.push(`${rel}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.ruleId}`);
  }
  return out;
}
