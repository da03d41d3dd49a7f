import { dirname, relative, resolve } from 'node:path';
import type { Located } from '../../types.js';
import type { Data } from '../../source/to-data.js';
import type { Entry, LocatedMap } from '../../model/types.js';

export interface FileRef {
  readonly field: 'README' | 'Image' | 'Config';
  readonly path: string;
  readonly at: Located<Data>;
  /** Absolute paths tried, in order: next to the naming file, then under the project root. */
  readonly candidates: readonly string[];
  /** The folders looked in, for the message. */
  readonly looked: string;
}

/**
 * The file paths an entry names in README, Image and Config, following the reference loader:
 * a README is a path only when it ends in `.md` and is short (else it is README text), and is
 * not checked for entries written in Markdown (the page is their README); an Image or Config is
 * a path unless it is a URL. OpenMMLab writes root-relative paths, so the root is tried too.
 * Folders in `looked` are relative to the root. Pure: the engine stats the candidates first.
 */
export function fileRefsOf(entry: Entry, rootDir: string, base: 'file' | 'root' | 'either' = 'either'): FileRef[] {
  return refsIn(entry.fields, entry.kind === 'model', entry.fromMarkdown, rootDir, base);
}

/** The fields `fileRefsOf` reads. */
export const FILE_REF_FIELDS = ['README', 'Image', 'Config', 'Downstream'];

function refsIn(fields: LocatedMap, model: boolean, fromMarkdown: boolean, rootDir: string, base: 'file' | 'root' | 'either'): FileRef[] {
  const refs: FileRef[] = [];
  for (const field of ['README', 'Image', 'Config'] as const) {
    if (typeof fields.peek(field) !== 'string') continue;
    const at = fields.get(field);
    if (!at || typeof at.value !== 'string') continue;
    const p = at.value.trim();
    if (p === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || /^https?:/i.test(p) || PACKAGE_PATH.test(p)) continue;
    if (field === 'README' && (fromMarkdown || !/\.md$/i.test(p) || p.length >= 256 || /[\r\n]/.test(p))) continue;
    if (field !== 'README' && /[\r\n]/.test(p)) continue;
    const dir = dirname(at.origin.block.block.file.path);
    const fromFile = resolve(dir, p);
    const fromRoot = resolve(rootDir, p);
    const candidates = base === 'file' ? [fromFile] : base === 'root' ? [fromRoot] : [...new Set([fromFile, fromRoot])];
    const looked = candidates.map((c) => relative(rootDir, dirname(c)) || '.').join(' and ');
    refs.push({ field, path: p, at, candidates, looked });
  }
  if (model && fields.peek('Downstream') !== undefined) refs.push(...downstreamRefs(fields, fromMarkdown, rootDir, base));
  return refs;
}

/** `mmcls::resnet/resnet18.py`: a file of another OpenMMLab package (mmrazor), not a local path. */
const PACKAGE_PATH = /^[A-Za-z_][\w.-]*::/;

/** The Config paths of a model's `Downstream` entries (OpenMMLab), checked like its own. */
function downstreamRefs(fields: LocatedMap, fromMarkdown: boolean, rootDir: string, base: 'file' | 'root' | 'either'): FileRef[] {
  const list = fields.get('Downstream');
  if (!list || !Array.isArray(list.value)) return [];
  const refs: FileRef[] = [];
  list.value.forEach((item, i) => {
    const config = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, Data>).Config : undefined;
    if (typeof config !== 'string') return;
    const at: Located<Data> = { value: config, origin: { block: list.origin.block, path: [...list.origin.path, i, 'Config'] } };
    refs.push(...refsIn(oneField('Config', at), true, fromMarkdown, rootDir, base));
  });
  return refs;
}

/** A LocatedMap with one field. */
function oneField(key: string, at: Located<Data>): LocatedMap {
  const map = new Map([[key, at]]) as Map<string, Located<Data>> & { peek(k: string): Data | undefined; layerPath(k: string): undefined };
  map.peek = (k) => map.get(k)?.value;
  map.layerPath = () => undefined;
  return map;
}
