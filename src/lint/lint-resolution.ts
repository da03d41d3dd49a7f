/**
 * From a resolved graph to results: validation, normalization, rules, directives, collection.
 * Files of the graph may be stubs (linted on their own, by src/engine/): their diagnostics come
 * rendered, their entries as summaries, and only the project rules look at them again.
 */
import { statSync } from 'node:fs';
import { realLocationOr, realRoots } from '../io/read-guard.js';
import { basename, dirname, relative } from 'node:path';
import type { Diagnostic, FileResult, Origin, ParsedBlock, SourceFile } from '../types.js';
import type { LoadedBlock, LoadedFile } from '../parse/load-file.js';
import { inside, insideAny, type Resolution, type Unit } from '../resolve/resolve.js';
import { validateUnit } from '../schema/validate.js';
import { normalize, type Lists } from '../model/normalize.js';
import type { Entry, ModelIndex } from '../model/types.js';
import { rulesByScope } from '../rules/index.js';
import type { Rule } from '../rules/define-rule.js';
import { fileRefsOf } from '../rules/helpers/file-refs.js';
import type { RunFacts } from '../rules/define-rule.js';
import { locate } from '../source/locate.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { EffectiveConfig } from '../config/types.js';
import { runRules } from './run-rules.js';
import { collect } from './collect.js';
import { applyDirectives, blockSpans } from './directives.js';
import type { Report } from '../core/report.js';
import { indexGroups } from './index-groups.js';
import { onePerMistake } from './one-per-mistake.js';

export interface LintRun {
  readonly results: FileResult[];
  /** The index the rules saw; entries of stub files hold only what project rules read. */
  readonly index: ModelIndex;
  readonly resolution: Resolution;
  readonly config: EffectiveConfig;
  /** The real paths of the project roots files were read from (undefined: anywhere); `--fix` writes only there. */
  readonly within?: readonly string[];
  /** How the files of a `lintFilesAsync` run were linted. */
  readonly stats?: RunStats;
}

export interface RunStats {
  /** Files linted on their own in this run (in worker threads when `threads` > 0). */
  readonly linted: number;
  /** Files whose per-file results came from the cache. */
  readonly cached: number;
  /** Of those, the files known unchanged by their stamps (size, times, inode), without being read. */
  readonly stamped: number;
  /**
   * Files read and hashed to learn whether they still have the bytes of their cached result (their
   * stamps had moved). A file the cache has no result for is not: it is linted.
   */
  readonly hashed: number;
  /** Files read into the main graph in full (they reference other files, or hold directives). */
  readonly full: number;
  readonly threads: number;
  /** Worker threads that died (out of memory, say); the main thread linted their files. */
  readonly workersLost: number;
}

/** Per-file rules only (`file`, for a file linted on its own), or every rule (`all`). */
export type RuleScope = 'file' | 'all';

/** Project rules that read the run's facts, not an index's entries (`import/orphan`): run once. */
const RUN_ONCE = new Set(['import/orphan']);

let lists: { readonly from: readonly Rule[]; readonly perIndex: readonly Rule[]; readonly once: readonly Rule[] } | undefined;

/** The project rules run per index and those run once (made again when rules are added). */
function projectLists(): NonNullable<typeof lists> {
  const { project } = rulesByScope();
  if (lists?.from !== project) {
    lists = { from: project, perIndex: project.filter((r) => !RUN_ONCE.has(r.meta.id)), once: project.filter((r) => RUN_ONCE.has(r.meta.id)) };
  }
  return lists;
}

/** The entries of a block of a stub file (one linted on its own), as the project rules read them. */
export type EntriesOf = (block: LoadedBlock) => readonly Entry[];

/** Runs validation, rules, directives and collection over a resolved graph; `entriesOf` gives the entries of stub files. */
export function lintResolution(
  resolution: Resolution, rootDir: string, explicit: ReadonlySet<string>, config: EffectiveConfig = resolveConfig(),
  confine?: readonly string[], scope: RuleScope = 'all', entriesOf?: EntriesOf,
): LintRun {
  const reports: Report[] = [...resolution.reports];
  const used = new Set<string>();
  const blocks = new Map<string, ParsedBlock>();
  for (const unit of resolution.units) {
    used.add(unit.file.path);
    if (unit.file.linted) continue;
    pushAll(reports, unit.block.reports);
    pushAll(reports, validateUnit(unit));
    if (!unit.block.broken) blocks.set(`${unit.file.path}#${unit.block.parsed.block.index}`, unit.block.parsed);
  }
  const reported = new Set<string>();
  const rendered = new Map<string, readonly Diagnostic[]>();
  const discovered = new Set(resolution.discovered);
  for (const [path, file] of resolution.files) {
    // A file found by walking a folder that holds no model-index block is not a model-index file:
    // no message for a mis-encoded page among the docs. One that could not be read at all (a link
    // out of the project, a FIFO, a binary or UTF-16 page) is said, as is any file an index imports.
    const unterminated = file.linted ? file.linted.unterminated : file.reports.some((r) => r.ruleId === 'file/unterminated-block');
    const unreadable = file.linted ? file.linted.unreadable : file.unreadable;
    if (!used.has(path) && !explicit.has(path) && !unterminated && !unreadable && discovered.has(path)) continue;
    if (file.linted) rendered.set(path, file.linted.diagnostics);
    else pushAll(reports, file.reports);
    reported.add(path);
  }
  // Per-file rules look at entries they have not seen yet: not at those of stubs.
  const own: Lists = { models: [], collections: [], libraries: [] };
  let stubs = 0;
  const index = normalize(resolution, rootDir, (unit: Unit) => {
    const list = entriesOf?.(unit.block) ?? [];
    stubs += list.length;
    return list;
  }, own);
  const local: ModelIndex = stubs === 0 ? index : { ...index, ...own };
  const facts = runFacts(resolution, rootDir, [...blocks.values()], confine, config, index, scope);
  pushAll(reports, runRules(rulesByScope().file, local, facts, config));
  // Cross-file rules compare entries within one index: one per root (see index-groups.ts).
  if (scope === 'all') {
    const { perIndex, once } = projectLists();
    pushAll(reports, runRules(once, index, facts, config));
    for (const group of indexGroups(resolution, index)) pushAll(reports, runRules(perIndex, group, facts, config));
  }
  const sources = [...resolution.files.values()].filter((f) => used.has(f.path) || reported.has(f.path));
  const filtered = onePerMistake(withDirectives(reports, sources.filter((f) => !f.linted)), config);
  const results = collect(filtered, sources.map((f) => f.source), config, rendered);
  return { results, index, resolution, config };
}

function runFacts(
  resolution: Resolution, rootDir: string, blocks: ParsedBlock[], confine: readonly string[] | undefined,
  config: EffectiveConfig, index: ModelIndex, scope: RuleScope,
): RunFacts {
  const { exists, outside } = scope === 'all' && config.rules.get('file/not-found')?.severity !== 'off'
    ? statFileRefs(index, config, confine) : { exists: new Set<string>(), outside: new Set<string>() };
  // The root index is the shallowest model-index.* root of the run; an orphan is another root file
  // under its folder (unrelated zoos linted in the same run are not its orphans).
  const rootIndexUnit = resolution.roots
    .filter((u) => /^model-index\./i.test(basename(u.file.path)))
    .sort((a, b) => a.file.path.split(/[\\/]/).length - b.file.path.split(/[\\/]/).length)[0];
  const rootFolder = rootIndexUnit ? dirname(rootIndexUnit.file.path) : undefined;
  // A rule that crashes is reported on the first file of the run.
  // The first block read, whether its file was linted on its own or not (both engines name the same file).
  const firstFile: SourceFile | undefined = resolution.units.find((u) => !u.block.broken)?.file.source
    ?? resolution.units[0]?.file.source ?? [...resolution.files.values()][0]?.source;
  return {
    blocks,
    orphans: rootIndexUnit
      ? resolution.roots.filter((u) => u.file !== rootIndexUnit.file && inside(rootFolder!, u.file.path)).map((u) => ({ block: u.block.parsed }))
      : [],
    ...(rootIndexUnit ? { rootIndex: relative(rootDir, rootIndexUnit.file.path) || basename(rootIndexUnit.file.path) } : {}),
    fileExists: (p) => exists.has(p),
    leadsOutside: (p) => outside.has(p),
    ...(confine ? { confine } : {}),
    ...(firstFile ? { firstFile } : {}),
    where: (origin: Origin) => {
      const file = origin.block.block.file;
      return `${relative(rootDir, file.path) || basename(file.path)}:${file.lines.position(locate(origin).span.start).line}`;
    },
  };
}

/** Applies each file's inline directives to its reports. */
function withDirectives(reports: readonly Report[], files: readonly LoadedFile[]): Report[] {
  const byFile = new Map<string, Report[]>();
  for (const r of reports) {
    const list = byFile.get(r.file.path) ?? [];
    list.push(r);
    byFile.set(r.file.path, list);
  }
  const out: Report[] = [];
  for (const f of files) {
    pushAll(out, applyDirectives(byFile.get(f.path) ?? [], f.source, f.format, blockSpans(f)));
    byFile.delete(f.path);
  }
  for (const rest of byFile.values()) pushAll(out, rest);
  return out;
}

/**
 * Stats every README/Image/Config path the index names, so that rules can stay pure. A path whose
 * real location is outside the project (a link out of it) is never said to exist: whether a file
 * outside the project exists is not the repository's business to learn.
 */
function statFileRefs(index: ModelIndex, config: EffectiveConfig, confine: readonly string[] | undefined): { exists: Set<string>; outside: Set<string> } {
  const exists = new Set<string>();
  const outside = new Set<string>();
  const real = confine ? realRoots(confine) : undefined;
  const options = config.rules.get('file/not-found')?.options as { base?: 'file' | 'root' | 'either' } | undefined;
  for (const e of [...index.models, ...index.collections, ...index.libraries]) {
    for (const ref of fileRefsOf(e, index.rootDir, options?.base)) {
      for (const c of ref.candidates) {
        if (confine !== undefined && !insideAny(confine, c)) continue; // never looked at
        // A link out of the project (or a path through one): said as outside, found or not.
        if (real && !insideAny(real, realLocationOr(c))) { outside.add(c); continue; }
        try { if (statSync(c).isFile()) exists.add(c); } catch { /* missing: the rule reports it */ }
      }
    }
  }
  return { exists, outside };
}

/**
 * Appends a list of any length: spreading a list into push() overflows the stack past about 100,000
 * items, and an item-by-item loop is slower for the short lists of nearly every call.
 */
function pushAll<T>(target: T[], items: readonly T[]): void {
  if (items.length < 10_000) target.push(...items);
  else for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
