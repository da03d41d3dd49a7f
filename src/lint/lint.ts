/**
 * The whole pipeline for one run:
 * discover → (extract, parse: per file) → resolve → validate → normalize → rules → collect.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { FileResult } from '../types.js';
import { discover } from '../discover/discover.js';
import { resolveGraph, type Resolution } from '../resolve/resolve.js';
import { validateUnit } from '../schema/validate.js';
import { normalize } from '../model/normalize.js';
import type { ModelIndex } from '../model/types.js';
import { rules } from '../rules/index.js';
import { fileRefsOf } from '../rules/helpers/file-refs.js';
import { runRules } from './run-rules.js';
import { collect } from './collect.js';
import type { Report } from './report.js';

export interface LintOptions {
  /** Files, directories or globs; default `.`. */
  readonly patterns?: readonly string[];
  /** Where relative patterns start; default `process.cwd()`. */
  readonly cwd?: string;
  /** Project root for root-relative README/Config/Image paths; default: see `defaultRootDir`. */
  readonly rootDir?: string;
}

export interface LintRun {
  readonly results: FileResult[];
  readonly index: ModelIndex;
  readonly resolution: Resolution;
}

/** Lints files on disk. Never throws for bad input; throws InputError when a path matches nothing. */
export function lintFiles(options: LintOptions = {}): LintRun {
  const cwd = resolve(options.cwd ?? process.cwd());
  const found = discover(options.patterns ?? ['.'], cwd);
  const resolution = resolveGraph(found.files);
  const rootDir = options.rootDir ? resolve(cwd, options.rootDir) : defaultRootDir(resolution, cwd);
  return lintResolution(resolution, rootDir, found.explicit);
}

/** Runs validation, rules and collection over a resolved graph. */
export function lintResolution(resolution: Resolution, rootDir: string, explicit: ReadonlySet<string>): LintRun {
  const reports: Report[] = [...resolution.reports];
  const used = new Set<string>();
  for (const unit of resolution.units) {
    used.add(unit.file.path);
    reports.push(...unit.block.reports, ...validateUnit(unit));
  }
  const reported = new Set<string>();
  for (const [path, file] of resolution.files) {
    // A file found by walking a folder that holds no model-index block is not a model-index
    // file: no message (a binary or mis-encoded page among the docs is none of our business).
    if (!used.has(path) && !explicit.has(path) && !file.reports.some((r) => r.ruleId === 'file/unterminated-block')) continue;
    reports.push(...file.reports);
    reported.add(path);
  }
  const index = normalize(resolution, rootDir);
  const exists = statFileRefs(index);
  reports.push(...runRules(rules, index, (p) => exists.has(p)));
  const files = [...resolution.files.values()]
    .filter((f) => used.has(f.path) || reported.has(f.path))
    .map((f) => ({ path: f.path, text: f.source.text }));
  return { results: collect(reports, files), index, resolution };
}

/** Stats every README/Image/Config path the index names, so that rules can stay pure. */
function statFileRefs(index: ModelIndex): Set<string> {
  const exists = new Set<string>();
  for (const e of [...index.models, ...index.collections, ...index.libraries]) {
    for (const ref of fileRefsOf(e, index.rootDir)) {
      for (const c of ref.candidates) {
        try { if (statSync(c).isFile()) exists.add(c); } catch { /* missing: the rule reports it */ }
      }
    }
  }
  return exists;
}

/** The folder of the shallowest root model-index.* file of the run, else `cwd`. */
export function defaultRootDir(resolution: Resolution, cwd: string): string {
  const roots = resolution.roots.map((u) => u.file.path).filter((p) => /^model-index\./i.test(basename(p)));
  if (roots.length === 0) return cwd;
  roots.sort((a, b) => a.split(/[\\/]/).length - b.split(/[\\/]/).length);
  return dirname(roots[0]!);
}
