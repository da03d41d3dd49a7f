/**
 * Lints one file on its own, where that gives the same answer as linting it inside the whole
 * index: the file references nothing (no Import, no `Metadata: file.yml`, ...), holds no inline
 * directive (those may silence project rules), and every block counts whether the file is a root
 * or imported. Such a file (nearly every page and metafile of a zoo) is read, parsed, validated and
 * checked by every per-file rule here, in a worker thread when there are many; what leaves is its
 * summary (see summary.ts). Any other file is named back for the main thread to load in full.
 */
import { dirname } from 'node:path';
import type { RuleId } from '../types.js';
import type { EffectiveConfig, SeveritySetting } from '../config/types.js';
import { formatOf } from '../extract/extract.js';
import type { ReadGuard } from '../io/read-guard.js';
import { guardOf, loadBytes, unreadableFile, type Limits, type LoadedBlock, type ParseMode } from '../parse/load-file.js';
import { resolveGraph } from '../resolve/resolve.js';
import { unwrap, type Role } from '../schema/roles.js';
import { keptKeys, summaryFromText, summaryToText, thinEntries, type FileSummary, type KeptKeys } from './summary.js';
import { readStamped, sha1 } from '../io/digest.js';
import { lintResolution } from '../lint/lint-resolution.js';

/** What every file of a run is linted with; plain data, so that it can go to a worker. */
export interface FileJob {
  readonly rules: readonly (readonly [RuleId, { readonly severity: SeveritySetting; readonly options: unknown }])[];
  readonly mode: ParseMode;
  readonly limits: Limits;
  /** URLs of a project's own rule modules (`ruleModules`): a worker loads them before its first file. */
  readonly ruleModules: readonly string[];
}

/** Every outcome of a file that was read carries its stamp (see `stampOf`; '' when there is none). */
export type FileOutcome =
  /** The file's bytes have the digest the caller already has a result for. */
  | { readonly kind: 'hit'; readonly path: string; readonly stamp?: string }
  /** Not linted here: the main thread loads it in full. */
  | { readonly kind: 'full'; readonly path: string; readonly digest: string; readonly stamp?: string }
  | { readonly kind: 'leaf'; readonly path: string; readonly summary: FileSummary; readonly stamp?: string };

/**
 * An outcome as text, as a cache line keeps it: the file, the digest and stamp of its bytes, and its
 * summary as `summaryToText` writes it (`full` for a file left to the main thread). Workers hand
 * outcomes over so when a cache will store them.
 */
export type OutcomeText = readonly [path: string, digest: string, stamp: string, text: string];

const FULL = 'full';

/** `o` as text; an outcome that cannot be written (a bug) leaves its file to the main thread. */
export function outcomeToText(o: Exclude<FileOutcome, { kind: 'hit' }>): OutcomeText {
  if (o.kind === 'leaf') {
    try {
      return [o.path, o.summary.digest, o.stamp ?? '', summaryToText(o.summary)];
    } catch { /* below */ }
  }
  return [o.path, o.kind === 'full' ? o.digest : '', o.stamp ?? '', FULL];
}

/** The outcome `outcomeToText` wrote; throws on other text. */
export function outcomeFromText(t: OutcomeText): Exclude<FileOutcome, { kind: 'hit' }> {
  return outcomeOf(t[0], t[1], t[2], t[3]);
}

/** `outcomeFromText` of a line's parts. */
export function outcomeOf(path: string, digest: string, stamp: string, text: string): Exclude<FileOutcome, { kind: 'hit' }> {
  return text === FULL ? { kind: 'full', path, digest, stamp } : { kind: 'leaf', path, stamp, summary: summaryFromText(path, digest, text) };
}

export function fileJob(config: EffectiveConfig, mode: ParseMode, limits: Limits, ruleModules: readonly string[] = []): FileJob {
  return { rules: [...config.rules], mode, limits, ruleModules };
}

/** Per-file linting, prepared once per thread. */
export class FileLinter {
  private readonly config: EffectiveConfig;
  private readonly kept: KeptKeys;
  private readonly guard: ReadGuard;

  constructor(private readonly job: FileJob) {
    this.config = { extends: [], ignores: [], rules: new Map(job.rules) };
    this.kept = keptKeys(this.config);
    this.guard = guardOf(job.limits);
  }

  /**
   * Lints `path`; `known` is the digest of a result the caller already has. A file this throws on
   * (a bug) is left to the main thread, which reports such failures with their place.
   */
  lint(path: string, known?: string): FileOutcome {
    try {
      return this.lintOrThrow(path, known);
    } catch {
      return { kind: 'full', path, digest: '' };
    }
  }

  private lintOrThrow(path: string, known?: string): FileOutcome {
    const format = formatOf(path) ?? 'yaml';
    let bytes: Uint8Array | undefined;
    let stamp = '';
    let error: unknown;
    try { ({ bytes, stamp } = readStamped(path, this.guard)); } catch (e) { error = e; }
    const digest = bytes ? sha1(bytes) : '';
    if (known !== undefined && digest !== '' && known === digest) return { kind: 'hit', path, stamp };
    const file = bytes ? loadBytes(path, bytes, format, this.job.mode, this.job.limits) : unreadableFile(path, format, error);
    // A directive may silence a project rule; an untyped comment counts only when the file is
    // imported: either way the file is linted inside the whole graph.
    if (file.source.mayHaveDirectives || file.blocks.some((b) => !b.typed)) return { kind: 'full', path, digest, stamp };
    const resolution = resolveGraph([path], { preloaded: new Map([[path, file]]), mode: this.job.mode, limits: this.job.limits, follow: false });
    if (resolution.unfollowed > 0) return { kind: 'full', path, digest, stamp };
    const roles = file.format === 'markdown' ? [] : file.blocks.map(yamlRoles);
    const run = lintResolution(resolution, dirname(path), new Set([path]), this.config, undefined, 'file');
    const entries = thinEntries(run.index, this.kept);
    return {
      kind: 'leaf', path, stamp,
      summary: {
        path, format: file.format, digest, bom: file.source.bom, length: file.source.length, unreadable: file.unreadable,
        unterminated: file.reports.some((r) => r.ruleId === 'file/unterminated-block'),
        diagnostics: run.results.find((r) => r.file === path)?.diagnostics ?? [],
        blocks: file.blocks.map((b, i) => {
          const pb = b.parsed;
          return {
            kind: pb.block.kind, offset: pb.block.offset, length: pb.block.length, index: pb.block.index,
            dataPath: pb.dataPath, broken: b.broken,
            ...(roles[i] ? { roles: roles[i] } : {}), entries: entries.get(pb.block.index) ?? [],
          };
        }),
      },
    };
  }
}

/** Roles a YAML file may be named in and still be read as it is at the root (not Metadata/Results: their data is read by the entry naming them). */
const STANDALONE_ROLES: readonly Role[] = ['guess', 'index', 'models', 'model', 'collections', 'collection', 'library'];
const ALL_ROLES: readonly Role[] = [...STANDALONE_ROLES, 'metadata', 'results', 'result'];

/** The roles a block of a YAML file reads the same in as at the root (a broken block: any). */
function yamlRoles(b: LoadedBlock): readonly Role[] {
  if (b.broken) return ALL_ROLES;
  const root = unwrap('guess', b.data);
  return STANDALONE_ROLES.filter((r) => {
    const s = unwrap(r, b.data);
    return s.role === root.role && s.expected === root.expected && JSON.stringify(s.path) === JSON.stringify(root.path);
  });
}
