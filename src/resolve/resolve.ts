/**
 * Builds the block graph of a run: starting from the discovered files, follows `Import:` and the
 * field-level file references (`Models: models/*.yml`, `Metadata: meta.yml`, ...), reading each
 * file once. A missing target, a glob with no match, an unsupported file type and a cycle are
 * reports at the node that names them; the walk never loops.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { insideAny } from '../io/paths.js';
import { realLocationOr } from '../io/read-guard.js';
import type * as Tinyglobby from 'tinyglobby';
import { lazy } from '../lazy.js';
import type { Origin } from '../types.js';
import { formatOf } from '../extract/extract.js';
import { walkUnit, type RefVisit } from './walk.js';
import type { Role, Shape } from '../schema/roles.js';
import { pathLabel } from '../schema/issues.js';
import { reportAt, type Report } from '../core/report.js';
import { DEFAULT_LIMITS, loadFile, type Limits, type LoadedBlock, type LoadedFile, type ParseMode } from '../parse/load-file.js';

// Roles are the schema's, which the parse stage lies below: the field that says which roles a
// block may be read in is declared here, beside the walk that reads it.
declare module '../parse/load-file.js' {
  interface LoadedBlock {
    /** A block known by its summary: the roles it may be read in (YAML files; Markdown roles are fixed). */
    readonly accepts?: ReadonlySet<Role>;
  }
}

/** One block read in one role. */
export interface Unit {
  readonly key: string;
  readonly file: LoadedFile;
  readonly block: LoadedBlock;
  readonly role: Role;
  /** How the data was read; undefined for a broken block. */
  shape?: Shape;
}

export interface Resolution {
  /** Every file read, discovered or imported, by absolute path. */
  readonly files: ReadonlyMap<string, LoadedFile>;
  /** Every unit, in the order first reached. */
  readonly units: readonly Unit[];
  /** Units of the files that nothing else imports: where the index starts. */
  readonly roots: readonly Unit[];
  /** Units that a reference leads to, by `refKey(unit, path)`. */
  readonly targets: ReadonlyMap<string, readonly Unit[]>;
  /** Units that any reference of a unit leads to, by the unit's key. */
  readonly targetsOfUnit: ReadonlyMap<string, readonly Unit[]>;
  readonly reports: readonly Report[];
  /** False when a block was broken or a reference could not be followed. */
  readonly complete: boolean;
  /** Files named on the command line or found by the walk. */
  readonly discovered: readonly string[];
  /**
   * Stub files (known by their summary) that a reference reads in a role their summary does not
   * cover (a metafile named by `Metadata:`, say): they must be loaded in full and the graph built again.
   */
  readonly needsFull: ReadonlySet<string>;
  /** References met but not followed (`follow: false`). */
  readonly unfollowed: number;
  /** Files reached but not read (see `ResolveOptions.defer`). */
  readonly deferred: ReadonlySet<string>;
}

/** The key of a reference: the unit that holds it and the path of the naming string. */
export function refKey(unit: Unit, path: readonly (string | number)[]): string {
  return `${unit.key}|${JSON.stringify(path)}`;
}

const tinyglobby = lazy<typeof Tinyglobby>('tinyglobby');

/** Whether a reference string is a glob, as the reference loader decides (`*` or `?`). */
export const isGlob = (s: string): boolean => /[*?]/.test(s);

/** Roles whose references may be globs; `Metadata:` and `Library:` name one file literally. */
const GLOB_ROLES = new Set<string>(['index', 'models', 'model', 'collections', 'collection', 'results', 'result']);

/**
 * Resolves the graph. Files named model-index.* go first (shallowest first), so that a root
 * index claims the pages it imports before they could be taken for roots themselves.
 */
export interface ResolveOptions {
  /** Files already read (`--stdin`, `--fix` passes), by absolute path. */
  readonly preloaded?: ReadonlyMap<string, LoadedFile>;
  readonly onProgress?: (done: number, total: number) => void;
  readonly mode?: ParseMode;
  readonly limits?: Partial<Limits> & { readonly maxImports?: number };
  /**
   * References are followed only inside these folders (the project roots); one that leads outside
   * (an absolute path, `../`) is reported, not followed. Undefined: no confinement.
   */
  readonly confine?: readonly string[];
  /** `false`: count references (`unfollowed`) instead of following them (a file linted on its own). */
  readonly follow?: boolean;
  /**
   * A file a reference reaches that this says to defer is not read: it is listed in `deferred`
   * (the caller lints it on its own, then builds the graph again).
   */
  readonly defer?: (path: string) => boolean;
}

/** Most files one run follows through references (a glob can match many). */
export const DEFAULT_MAX_IMPORTS = 100_000;

export { inside, insideAny } from '../io/paths.js';

export function resolveGraph(discovered: readonly string[], options: ResolveOptions = {}): Resolution {
  const { preloaded, onProgress, mode = 'fast', confine } = options;
  const limits: Limits = { maxBlockSize: options.limits?.maxBlockSize ?? DEFAULT_LIMITS.maxBlockSize, ...(options.limits?.within ? { within: options.limits.within } : {}) };
  const maxImports = options.limits?.maxImports ?? DEFAULT_MAX_IMPORTS;
  let imported = 0;
  let limitReported = false;
  const files = new Map<string, LoadedFile>(preloaded ?? []);
  const units: Unit[] = [];
  const byKey = new Map<string, Unit>();
  const targets = new Map<string, Unit[]>();
  const targetsOfUnit = new Map<string, Unit[]>();
  const setTargets = (unit: Unit, path: readonly (string | number)[], found: Unit[]): void => {
    targets.set(refKey(unit, path), found);
    let all = targetsOfUnit.get(unit.key);
    if (!all) targetsOfUnit.set(unit.key, (all = []));
    for (const t of found) all.push(t);
  };
  const reports: Report[] = [];
  const reached = new Set<string>();
  const needsFull = new Set<string>();
  let unfollowed = 0;
  const deferred = new Set<string>();
  let complete = true;

  const wanted = new Set(discovered);
  let done = 0;
  const load = (path: string): LoadedFile => {
    let f = files.get(path);
    if (!f) {
      f = loadFile(path, undefined, mode, limits);
      // A clean file on the fast path needs its text again only if something must be reported in
      // it: release it now (it is read again, and checked, on demand).
      if (f.reports.length === 0 && f.blocks.every((b) => b.parsed.hints !== undefined && b.reports.length === 0)) f.source.release?.();
      files.set(path, f);
      if (wanted.has(path)) onProgress?.(++done, wanted.size);
    }
    return f;
  };

  const expand = (file: LoadedFile, block: LoadedBlock, role: Role, stack: readonly string[]): Unit => {
    const key = `${file.path}#${block.parsed.block.index}@${role}`;
    const known = byKey.get(key);
    if (known) return known;
    const unit: Unit = { key, file, block, role };
    byKey.set(key, unit);
    units.push(unit);
    if (block.broken) { complete = false; return unit; }
    if (file.linted) {
      // A stub's block has no references (that is what made it a stub); its data stays where it was linted.
      if (block.accepts && !block.accepts.has(role)) needsFull.add(file.path);
      return unit;
    }
    unit.shape = walkUnit(role, block.data, { ref: (r) => follow(unit, r, stack) });
    return unit;
  };

  const follow = (unit: Unit, ref: RefVisit, stack: readonly string[]): void => {
    const at: Origin = { block: unit.block.parsed, path: ref.path };
    const field = pathLabel(ref.path);
    const target = ref.target.trim();
    if (target === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return;
    if (options.follow === false) { unfollowed++; return; }
    const dir = dirname(unit.file.path);
    const found: Unit[] = [];
    let paths: string[];
    // A missing index or entry file may hold collections: rules that look for one stay quiet.
    const mayDefine = !['metadata', 'results', 'result'].includes(ref.role);
    const globbing = isGlob(target) && GLOB_ROLES.has(ref.role);
    const fixedPart = globbing ? resolvePath(dir, target.slice(0, target.search(/[*?]/))) : '';
    if (globbing && ((confine !== undefined && !insideAny(confine, fixedPart)) || (limits.within && !insideAny(limits.within, realLocationOr(fixedPart))))) {
      // The glob's fixed part already leads outside (as written, or through a link): refused before
      // any folder is listed.
      reports.push(reportAt('import/outside-root', 'outside', { field, target }, at));
      setTargets(unit, ref.path, found);
      return;
    }
    if (globbing) {
      // Links to folders are not followed: `Import: ['**/*.md']` beside `ln -s / rootlink` must not
      // list the disk (a link to a file is matched, and the read guard judges it).
      paths = tinyglobby().globSync(target, { cwd: dir, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false })
        .map((p) => resolvePath(p)).sort();
      if (paths.length === 0) reports.push(reportAt('import/no-match', 'noMatch', { field, target }, at));
    } else {
      const p = resolvePath(dir, target);
      // Outside the root: reported below without looking at the file at all.
      const kind = confine !== undefined && !insideAny(confine, p) ? 'file' : statKind(p);
      if (kind !== 'file') {
        if (mayDefine) complete = false;
        reports.push(kind === 'directory'
          ? reportAt('import/not-found', 'directory', { field, target }, at)
          : reportAt('import/not-found', 'missing', { field, target }, at));
        paths = [];
      } else paths = [p];
    }
    for (const p of paths) {
      if (confine !== undefined && !insideAny(confine, p)) {
        reports.push(reportAt('import/outside-root', 'outside', { field, target }, at));
        if (isGlob(target)) break;
        continue;
      }
      if (!files.has(p) && ++imported > maxImports) {
        if (!limitReported) reports.push(reportAt('import/limit', 'tooMany', { field, max: maxImports }, at));
        limitReported = true;
        complete = false;
        break;
      }
      const format = formatOf(p);
      if (!format) {
        if (!isGlob(target) || !GLOB_ROLES.has(ref.role)) reports.push(reportAt('import/unsupported-type', 'unsupported', { field, target }, at));
        continue;
      }
      if (stack.includes(p)) {
        const chain = [...stack.slice(stack.indexOf(p)), p].map((s) => basename(s)).join(' -> ');
        reports.push(reportAt('import/cycle', 'cycle', { field, target, chain }, at));
        continue;
      }
      reached.add(p);
      if (!files.has(p) && options.defer?.(p)) { deferred.add(p); continue; }
      const file = load(p);
      if (file.unreadable) { if (mayDefine) complete = false; continue; }
      if (file.blocks.length === 0) {
        reports.push(reportAt('import/not-found', 'noBlock', { field, target }, at));
        continue;
      }
      for (const b of file.blocks) {
        const role = file.format !== 'markdown' ? ref.role : b.parsed.block.kind === 'front-matter' ? 'hf' : 'guess';
        found.push(expand(file, b, role, [...stack, p]));
      }
    }
    setTargets(unit, ref.path, found);
  };

  const roots: Unit[] = [];
  for (const path of rootOrder(discovered)) {
    if (reached.has(path)) continue;
    const file = load(path);
    for (const b of file.blocks) {
      if (!b.typed) continue;
      roots.push(expand(file, b, b.parsed.block.kind === 'front-matter' ? 'hf' : 'guess', [path]));
    }
  }
  return { files, units, roots, targets, targetsOfUnit, reports, complete, discovered, needsFull, unfollowed, deferred };
}

/** model-index.* first (shallowest first), then metafile.*, then the rest, each in path order. */
function rootOrder(paths: readonly string[]): string[] {
  // Each path's rank and depth worked out once, not at every comparison of the sort.
  const keyed = paths.map((p) => ({ p, ...rankAndDepth(p) }));
  keyed.sort((a, b) => a.rank - b.rank || a.depth - b.depth || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return keyed.map((k) => k.p);
}

/**
 * A path's rank (model-index.* 0, metafile.* 1, anything else 2) and depth (its parts): a run of
 * 10,000 pages sorts them all, and most names start with neither. Separators are found with
 * `indexOf`, which is quick even before the optimising compiler has seen this code.
 */
function rankAndDepth(p: string): { rank: number; depth: number } {
  let depth = 1;
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) depth++;
  let name = p.lastIndexOf('/') + 1;
  if (p.includes('\\')) {
    for (let i = p.indexOf('\\'); i !== -1; i = p.indexOf('\\', i + 1)) depth++;
    name = Math.max(name, p.lastIndexOf('\\') + 1);
  }
  const first = p.charCodeAt(name) | 32; // lower case
  const rank = first !== 109 ? 2 : /^model-index\./i.test(p.slice(name)) ? 0 : /^metafile\./i.test(p.slice(name)) ? 1 : 2; // `m`
  return { rank, depth };
}

function statKind(p: string): 'file' | 'directory' | 'missing' {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
