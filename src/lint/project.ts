/**
 * Where a run stands: the project roots references may not leave, the files that `ignores` drops,
 * the root index that `--index` lints inside, and the folder root-relative paths start from.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { realRoots } from '../io/read-guard.js';
import type Picomatch from 'picomatch';
import { lazy } from '../lazy.js';
import { gitRoot } from '../discover/discover.js';
import { inside, insideAny, type Resolution, type Unit } from '../resolve/resolve.js';
import { ConfigError } from '../errors.js';
import type { EffectiveConfig } from '../config/types.js';
import type { LintOptions } from './lint.js';

const picomatch = lazy<typeof Picomatch>('picomatch');

/**
 * The folders references may not leave: `--root-dir`; else the project of the current folder and of
 * every path named on the command line — the nearest folder above each with `.git`, else the folder
 * itself (for a file, its folder). None with `allowOutsideRoot`. Only the command line sets them: a
 * repository's own configuration cannot widen them (its rootDir must lie inside, see `checkRootDir`).
 */
export function projectRoots(options: LintOptions, _config: EffectiveConfig, cwd: string): string[] | undefined {
  if (options.allowOutsideRoot) return undefined;
  if (options.rootDir) return [resolve(cwd, options.rootDir)];
  const roots = new Set<string>([gitRoot(cwd) ?? cwd]);
  for (const pattern of options.patterns ?? []) {
    const abs = resolve(cwd, pattern.replace(/[*?[{].*$/, ''));
    let dir = abs;
    try { if (!statSync(abs).isDirectory()) dir = dirname(abs); } catch { dir = dirname(abs); }
    if (!inside(cwd, dir)) roots.add(gitRoot(dir) ?? dir);
  }
  return [...roots];
}

/**
 * A configuration file's `rootDir` may move where root-relative paths start, but only to a folder
 * inside the project roots: the file is part of the repository being checked.
 */
export function checkRootDir(config: EffectiveConfig, cwd: string, roots: readonly string[] | undefined): void {
  if (!config.rootDir || !roots) return;
  const dir = resolve(config.file ? dirname(config.file) : cwd, config.rootDir);
  if (!insideAny(roots, dir)) {
    throw new ConfigError(
      `rootDir "${config.rootDir}" in ${config.file ?? 'the configuration'} lies outside the project root (${roots.join(', ')}).`,
      'A configuration file cannot widen what milint reads; give --root-dir (or --allow-outside-root) on the command line instead.',
    );
  }
}

/**
 * Where files may be read from, by real path: the project roots, and what the command line names.
 * A named path counts as written: only the links of the current folder's own path (or, for a path
 * outside it, of the named path's parent) are resolved, so that a named folder or file that is, or
 * lies under, a link out of the project still leads nowhere.
 */
export function readRoots(confine: readonly string[], patterns: readonly string[] | undefined, cwd: string): string[] {
  let realCwd = cwd;
  try { realCwd = realpathSync.native(cwd); } catch { /* as given */ }
  const lexical = (patterns ?? []).map((pattern) => {
    const p = resolve(cwd, pattern.replace(/[*?[{].*$/, '') || '.');
    if (inside(cwd, p)) return join(realCwd, relative(cwd, p));
    try { return join(realpathSync.native(dirname(p)), basename(p)); } catch { return p; }
  });
  return [...realRoots(confine), ...lexical];
}

/** The first project root, for the index's root-relative paths. */
export function projectRoot(options: LintOptions, config: EffectiveConfig, cwd: string): string | undefined {
  return projectRoots(options, config, cwd)?.[0];
}

/**
 * The root index for `--index`: a named file, or for `auto` the model-index.* of the current folder,
 * else of the project root (pre-commit runs hooks at the repository root).
 */
export function rootIndexFor(index: string, cwd: string, project: string): string | undefined {
  if (index !== 'auto') return resolve(cwd, index);
  for (const dir of [cwd, project]) {
    for (const name of ['model-index.yml', 'model-index.yaml', 'model-index.json']) {
      const p = resolve(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** The named files and everything they import (what `--index` reports on). */
export function reachedFrom(resolution: Resolution, named: readonly string[]): Set<string> {
  const out = new Set<string>(named);
  const byFile = new Map<string, Unit[]>();
  for (const u of resolution.units) byFile.set(u.file.path, [...(byFile.get(u.file.path) ?? []), u]);
  const stack = [...named];
  while (stack.length) {
    const f = stack.pop()!;
    for (const u of byFile.get(f) ?? []) {
      for (const t of resolution.targetsOfUnit.get(u.key) ?? []) if (!out.has(t.file.path)) { out.add(t.file.path); stack.push(t.file.path); }
    }
  }
  return out;
}

/** Files that globs relative to `base` match (the configuration's `ignores`, `--ignore-pattern`). */
export function ignoreMatcher(globs: readonly string[], base: string): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch()([...globs], { dot: true });
  return (file) => {
    const rel = relative(base, file).split('\\').join('/');
    return !rel.startsWith('..') && match(rel);
  };
}

/**
 * The folder root-relative README/Config/Image paths start from: `--root-dir`, else the config's
 * rootDir, else the folder of the run's root model-index.* (see `defaultRootDir`).
 */
export function indexRootDir(options: LintOptions, config: EffectiveConfig, cwd: string, resolution: Resolution): string {
  if (options.rootDir) return resolve(cwd, options.rootDir);
  if (config.rootDir) return resolve(config.file ? dirname(config.file) : cwd, config.rootDir);
  return defaultRootDir(resolution, cwd);
}

/** The folder of the shallowest root model-index.* file of the run, else `cwd`. */
export function defaultRootDir(resolution: Resolution, cwd: string): string {
  const roots = resolution.roots.map((u) => u.file.path).filter((p) => /^model-index\./i.test(basename(p)));
  if (roots.length === 0) return cwd;
  roots.sort((a, b) => a.split(/[\\/]/).length - b.split(/[\\/]/).length);
  return dirname(roots[0]!);
}
