/**
 * Walks the data of one unit (a block read in a role) and reports what it holds: file references
 * to follow, and models, collections, results, metadata and libraries written inline. The import
 * resolver uses it to find references, the normalizer to build the index, so both read the
 * format the same way.
 */
import type { Path } from '../types.js';
import type { Data } from '../source/to-data.js';
import { isMapping, unwrap, type Role, type Shape } from '../schema/roles.js';

export interface RefVisit {
  /** Path of the string that names the file(s), relative to the block data. */
  readonly path: Path;
  /** How the target is read. */
  readonly role: Role;
  readonly target: string;
}

export interface Visitor {
  ref?(ref: RefVisit): void;
  model?(path: Path, data: Record<string, Data>): void;
  collection?(path: Path, data: Record<string, Data>): void;
  result?(path: Path, data: Record<string, Data>): void;
  metadata?(path: Path, data: Data): void;
  library?(path: Path, data: Record<string, Data>): void;
  hfModel?(path: Path, data: Record<string, Data>): void;
}

/** Walks a unit's data in its role; returns the shape it was read as. */
export function walkUnit(role: Role, data: Data, v: Visitor): Shape {
  const shape = unwrap(role, data);
  const p = shape.path;
  const d = shape.data;
  switch (shape.role) {
    case 'index': walkIndex(p, d, v); break;
    case 'model-list': walkList(p, d, 'model', v); break;
    case 'collection-list': walkList(p, d, 'collection', v); break;
    case 'model': if (isMapping(d)) entry('model', p, d, v); break;
    case 'collection': if (isMapping(d)) entry('collection', p, d, v); break;
    case 'result-list': walkResults(p, d, v); break;
    case 'result': if (isMapping(d)) v.result?.(p, d); break;
    case 'metadata': v.metadata?.(p, d ?? null); break;
    case 'library': if (isMapping(d)) v.library?.(p, d); break;
    case 'hf':
      if (Array.isArray(d)) d.forEach((m, i) => { if (isMapping(m)) v.hfModel?.([...p, i], m); });
      break;
    case 'invalid': break;
  }
  return shape;
}

function walkIndex(p: Path, d: Data | undefined, v: Visitor): void {
  if (!isMapping(d)) return;
  const models = d.Models;
  if (typeof models === 'string') v.ref?.({ path: [...p, 'Models'], role: 'models', target: models });
  else walkList([...p, 'Models'], models, 'model', v);
  const collections = d.Collections;
  if (typeof collections === 'string') v.ref?.({ path: [...p, 'Collections'], role: 'collections', target: collections });
  else walkList([...p, 'Collections'], collections, 'collection', v);
  const lib = d.Library;
  if (typeof lib === 'string') v.ref?.({ path: [...p, 'Library'], role: 'library', target: lib });
  else if (isMapping(lib)) v.library?.([...p, 'Library'], lib);
  const imports = d.Import;
  if (typeof imports === 'string') v.ref?.({ path: [...p, 'Import'], role: 'index', target: imports });
  else if (Array.isArray(imports)) {
    imports.forEach((t, i) => { if (typeof t === 'string') v.ref?.({ path: [...p, 'Import', i], role: 'index', target: t }); });
  }
}

function walkList(p: Path, d: Data | undefined, kind: 'model' | 'collection', v: Visitor): void {
  if (!Array.isArray(d)) return;
  d.forEach((item, i) => {
    if (typeof item === 'string') v.ref?.({ path: [...p, i], role: kind, target: item });
    else if (isMapping(item)) entry(kind, [...p, i], item, v);
  });
}

function walkResults(p: Path, d: Data | undefined, v: Visitor): void {
  if (isMapping(d)) { v.result?.(p, d); return; }
  if (!Array.isArray(d)) return;
  d.forEach((item, i) => {
    if (typeof item === 'string') v.ref?.({ path: [...p, i], role: 'result', target: item });
    else if (isMapping(item)) v.result?.([...p, i], item);
  });
}

/** A model or collection: itself, then the references its Metadata and Results hold. */
function entry(kind: 'model' | 'collection', p: Path, d: Record<string, Data>, v: Visitor): void {
  if (kind === 'model') v.model?.(p, d);
  else v.collection?.(p, d);
  if (typeof d.Metadata === 'string') v.ref?.({ path: [...p, 'Metadata'], role: 'metadata', target: d.Metadata });
  const results = d.Results;
  if (typeof results === 'string') v.ref?.({ path: [...p, 'Results'], role: 'results', target: results });
  else if (Array.isArray(results)) {
    results.forEach((r, i) => {
      if (typeof r === 'string') v.ref?.({ path: [...p, 'Results', i], role: 'result', target: r });
    });
  }
}
