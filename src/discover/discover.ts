/**
 * Turns the command line's paths into files. A file is taken as named; a directory is walked for
 * Markdown pages and files named model-index.* or metafile.*, skipping dot-folders, node_modules
 * and what .gitignore files ignore; anything else is a glob. A path that matches nothing is an
 * InputError (a usage problem, exit 2). Given the project roots (`within`, real paths), neither a
 * walk nor a glob follows a symbolic link to a folder outside them; files that are links, FIFOs or
 * devices are listed all the same, for the read guard to report (see io/read-guard.ts).
 */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readGuarded } from '../io/read-guard.js';
import { insideAny } from '../io/paths.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import type * as Tinyglobby from 'tinyglobby';
import { lazy } from '../lazy.js';
import { formatOf } from '../source/file-format.js';
import { InputError } from '../errors.js';

const tinyglobby = lazy<typeof Tinyglobby>('tinyglobby');
const ignoreLib = lazy<(options?: object) => Ignore>('ignore');

export interface Discovered {
  /** Absolute paths, each once, in the order found. */
  readonly files: readonly string[];
  /** Files that were named (directly or by a glob), not found by walking a directory. */
  readonly explicit: ReadonlySet<string>;
  /** The directories named on the command line (absolute). */
  readonly directories: readonly string[];
  /** Files named on the command line that an ignore setting drops, with why (see `Ignoring`). */
  readonly ignoredNamed: readonly { readonly file: string; readonly why: string }[];
}

/**
 * What leaves files out. `gitignore`: .gitignore files drop what a folder walk or a glob finds (a
 * file named as such is still taken). `drop`: the configuration's `ignores` and `--ignore-pattern`,
 * for every file; it returns why a file is dropped. `--no-ignore` turns both off.
 */
export interface Ignoring {
  readonly gitignore: boolean;
  readonly drop?: (file: string) => string | undefined;
}

const ALL_IGNORES: Ignoring = { gitignore: true };

/** Files a directory walk picks up: Markdown pages and model-index / metafile data files. */
export function isWalkedFile(name: string): boolean {
  const format = formatOf(name);
  if (format === 'markdown') return true;
  return format !== undefined && /^(model-index|metafile)\.[^.]+$/i.test(name);
}

export function discover(patterns: readonly string[], cwd: string, within?: readonly string[], ignoring: Ignoring = ALL_IGNORES): Discovered {
  const files: string[] = [];
  const seen = new Set<string>();
  const explicit = new Set<string>();
  const directories: string[] = [];
  const ignoredNamed: { file: string; why: string }[] = [];
  const drop = ignoring.drop ?? (() => undefined);
  const add = (p: string, isExplicit: boolean, known?: string): void => {
    // The same file reached through two paths (a symlink, `a/../b`) is linted once.
    let real = known ?? p;
    // `.native` is one realpath(3) call; the JS version lstat()s every path component.
    if (known === undefined) {
      try { real = realpathSync.native(p); } catch { /* vanished: reading it will say so */ }
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push(p);
    if (isExplicit) explicit.add(p);
  };
  for (const pattern of patterns.length ? patterns : ['.']) {
    const abs = resolve(cwd, pattern);
    const kind = kindOf(abs);
    if (kind === 'file' || kind === 'special') {
      const why = drop(abs);
      if (why) ignoredNamed.push({ file: abs, why });
      else add(abs, true);
      continue;
    }
    if (kind === 'directory') {
      if (within && !insideReal(abs, within)) {
        throw new InputError(`${pattern} leads to a folder outside the project root (a symbolic link).`, 'Name the folder itself, or give --root-dir or --allow-outside-root.');
      }
      directories.push(abs);
      const walked = walk(abs, within, ignoring.gitignore);
      const kept = walked.filter(([f]) => !drop(f));
      if (kept.length === 0 && walked.length + (ignoring.gitignore ? walk(abs, within, false).length : 0) > 0) {
        throw allIgnored(pattern, ignoring.gitignore && walked.length === 0 ? '.gitignore' : drop(walked[0]![0])!);
      }
      for (const [f, real] of kept) add(f, false, real);
      continue;
    }
    if (!tinyglobby().isDynamicPattern(pattern)) {
      throw new InputError(`No such file or directory: ${pattern}`, 'Check the path, or quote a glob so that milint expands it.');
    }
    const gitignored = ignoring.gitignore ? gitignoreFilter(cwd, within) : () => false;
    // Links are not followed: `ln -s / rootlink` must not make `**/*.md` walk the whole disk. A link
    // to a file is still matched (and read, if its target lies inside the project).
    const found = tinyglobby().globSync(pattern, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })
      .map((p) => resolve(p)).filter((p) => formatOf(p) !== undefined).sort();
    const notGitignored = found.filter((p) => !gitignored(p));
    const matches = notGitignored.filter((p) => !drop(p));
    if (matches.length === 0 && found.length > 0) throw allIgnored(pattern, notGitignored.length === 0 ? '.gitignore' : drop(notGitignored[0]!)!);
    if (matches.length === 0) {
      throw new InputError(`No files matched the pattern: ${pattern}`, 'milint reads Markdown (.md, .markdown, .mdx), YAML and JSON files.');
    }
    for (const m of matches) add(m, true);
  }
  return { files, explicit, directories, ignoredNamed };
}

/** ESLint's "all files matched are ignored": a CI job must not pass by linting nothing. */
function allIgnored(pattern: string, why: string): InputError {
  return new InputError(`All files matched by "${pattern}" are ignored (by ${why}).`, 'Use --no-ignore (the API\'s noIgnore option) to lint them anyway, or name other paths.');
}

/** What a path is, links followed: `special` is a FIFO, socket or device (never opened here). */
function kindOf(p: string): 'file' | 'directory' | 'special' | 'missing' {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'special';
  } catch {
    return 'missing';
  }
}

/** Whether a path's real location lies inside the roots (real paths). */
function insideReal(p: string, within: readonly string[]): boolean {
  try { return insideAny(within, realpathSync.native(p)); } catch { return false; }
}

/** The folder of the nearest `.git` at or above `dir`, or undefined. */
export function gitRoot(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

interface Matcher { readonly base: string; readonly ig: Ignore }

/** A .gitignore is read like any file of the repository: regular, bounded, not through a link out of it. */
function readIgnore(dir: string, within: readonly string[] | undefined): Matcher | undefined {
  try {
    const text = readGuarded(join(dir, '.gitignore'), { maxBytes: 1 << 20, ...(within ? { roots: within } : {}) }).bytes.toString('utf8');
    return { base: dir, ig: ignoreLib()().add(text) };
  } catch {
    return undefined;
  }
}

/** The .gitignore files from the repository root down to `dir` (outer first). */
function ancestorsIgnores(dir: string, within: readonly string[] | undefined): Matcher[] {
  const root = gitRoot(dir);
  if (!root) return [];
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (d === root || dirname(d) === d) break;
  }
  return chain.filter((d) => relative(root, d).startsWith('..') === false)
    .map((d) => readIgnore(d, within)).filter((m): m is Matcher => m !== undefined);
}

function ignoredBy(matchers: readonly Matcher[], path: string, isDir: boolean): boolean {
  return matchers.some(({ base, ig }) => {
    const rel = relative(base, path).split('\\').join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    return ig.ignores(isDir ? `${rel}/` : rel);
  });
}

/** A predicate for files that the .gitignore files above them ignore (for glob results). */
function gitignoreFilter(cwd: string, within: readonly string[] | undefined): (p: string) => boolean {
  const cache = new Map<string, Matcher[]>();
  return (p) => {
    const dir = dirname(p);
    let ms = cache.get(dir);
    if (!ms) {
      const own = readIgnore(dir, within);
      ms = [...ancestorsIgnores(dir, within), ...(own ? [own] : [])];
      cache.set(dir, ms);
    }
    return relative(cwd, p).startsWith('..') ? false : ignoredBy(ms, p, false);
  };
}

/** A folder's path ending in one separator (a root such as `/` has it already). */
const withSep = (dir: string): string => (dir.endsWith(sep) ? dir : dir + sep);

/**
 * Files under a folder in name order, each with its real path (known from its folder's unless it is
 * a link). Links to folders are followed when they stay inside `within`, each real folder once.
 */
function walk(root: string, within: readonly string[] | undefined, gitignore = true): [path: string, real: string | undefined][] {
  const out: [string, string | undefined][] = [];
  const visited = new Set<string>();
  const rec = (dir: string, matchers: readonly Matcher[]): void => {
    let real: string;
    try { real = realpathSync.native(dir); } catch { return; }
    if (visited.has(real) || (within && !insideAny(within, real))) return;
    visited.add(real);
    const own = gitignore ? readIgnore(dir, within) : undefined;
    const ms = own ? [...matchers, own] : matchers;
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` and `real` are absolute and normalised, and an entry's name is one path segment: their
    // join is the two put together (path.join normalises again, which took a third of a walk of 10,000 files).
    const under = withSep(dir);
    const realUnder = withSep(real);
    for (const e of entries) {
      const p = under + e.name;
      let isDir = e.isDirectory();
      // FIFOs, sockets and devices with a page's name are listed: reading them is refused, and said.
      let isFile = !isDir;
      if (e.isSymbolicLink()) {
        const k = kindOf(p);
        isDir = k === 'directory';
        isFile = k !== 'directory';
      }
      if (isDir) {
        if (e.name.startsWith('.') || e.name === 'node_modules' || ignoredBy(ms, p, true)) continue;
        rec(p, ms);
      } else if (isFile && isWalkedFile(e.name) && !ignoredBy(ms, p, false)) {
        out.push([p, e.isSymbolicLink() ? undefined : realUnder + e.name]);
      }
    }
  };
  rec(root, gitignore ? ancestorsIgnores(root, within) : []);
  return out;
}
