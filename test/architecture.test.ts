/**
 * The folders of src/ depend on each other in one direction: a folder imports only folders in
 * layers below its own (or beside it, without a cycle). The order is the pipeline's, with the
 * bottom modules every stage may use underneath and the incremental engine and the other side
 * folders above it: they use the pipeline, the pipeline never uses them. See docs/architecture.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first. A folder (or a top-level file, by its name) may import any folder of an earlier layer. */
const LAYERS: readonly (readonly string[])[] = [
  // Bottom modules, usable by every stage.
  ['types'], // core types (src/types.ts)
  ['errors'], // usage errors (bad flags, bad config), never problems in the input
  ['lazy', 'version'],
  ['io'], // guarded reads and writes, paths, text safe for a terminal
  ['source'], // source files, line index, keys, data and positions of YAML nodes
  ['core'], // Report and its helpers, fixer, suggestions, numbers
  // The pipeline, in the order data flows through it.
  ['discover'], // arguments → files
  ['extract'], // file → blocks
  ['parse'], // file → decoded text and blocks (through extract) → YAML document, data and YAML reports
  ['schema'], // the format's shapes (roles, zod schemas) and validation of a block
  ['resolve'], // root files → graph of blocks (imports, metadata files)
  ['model'], // graph → ModelIndex
  ['rules'], // ModelIndex → reports
  ['config'], // configuration: presets and severities over the rule registry
  ['lint'], // one run: rules, directives, reports → diagnostics
  ['format', 'fix'], // diagnostics → text; fixes → edited files
  // Beside the pipeline: the incremental engine (engine; cache holds what it and the online checks share) and the other front ends.
  ['engine', 'cache', 'lsp', 'online'],
  // Entry points.
  ['cli', 'index'],
];

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The unit a file under src/ belongs to: its top folder, or its own name for a top-level file. */
function unitOf(file: string): string {
  const [first, ...rest] = relative(SRC, file).split(sep);
  return rest.length > 0 ? first! : first!.replace(/\.[jt]s$/, '');
}

/** Relative module specifiers a file imports, re-exports, loads dynamically or augments. */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const re = /\b(?:from|import|declare module)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...code.matchAll(re)].map((m) => m[1]!);
}

/** Folder edges of src/: `from -> to` with the files that make each. */
function folderEdges(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (relative(SRC, target).startsWith('..')) continue;
      const [a, b] = [unitOf(file), unitOf(target)];
      if (a === b) continue;
      const key = `${a} -> ${b}`;
      edges.set(key, [...(edges.get(key) ?? []), `${relative(SRC, file)} imports ${spec}`]);
    }
  }
  return edges;
}

/** What is wrong with a set of folder edges: unplaced folders, imports up the layers, cycles. */
function problems(edges: Iterable<string>, layers: readonly (readonly string[])[] = LAYERS): string[] {
  const layer = new Map(layers.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const out: string[] = [];
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const [a, b] = edge.split(' -> ') as [string, string];
    for (const n of [a, b]) if (!layer.has(n)) out.push(`${n} is in no layer (add it to LAYERS)`);
    if (layer.has(a) && layer.has(b) && layer.get(b)! > layer.get(a)!) out.push(`${edge} goes up the layers`);
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  // Imports that go up are the mistake to fix: the cycles they close say nothing more.
  if (out.some((p) => p.endsWith(' goes up the layers'))) return [...new Set(out)];
  // A cycle: a path back to a folder already on the walk.
  const done = new Set<string>();
  const walk = (n: string, stack: string[]): void => {
    const at = stack.indexOf(n);
    if (at >= 0) { out.push(`cycle: ${[...stack.slice(at), n].join(' -> ')}`); return; }
    if (done.has(n)) return;
    for (const m of next.get(n) ?? []) walk(m, [...stack, n]);
    done.add(n);
  };
  for (const n of [...next.keys()].sort()) walk(n, []);
  return [...new Set(out)];
}

describe('architecture', () => {
  const edges = folderEdges();

  it('finds the imports it checks (every folder of src/ is placed in a layer)', () => {
    expect(edges.get('lint -> rules')?.length).toBeGreaterThan(0);
    expect(edges.get('engine -> lint')?.length).toBeGreaterThan(0);
    const units = new Set(sources(SRC).map(unitOf));
    const placed = new Set(LAYERS.flat());
    expect([...units].filter((u) => !placed.has(u))).toEqual([]);
    // And every name in LAYERS is a folder or file of src/ (no stale entries).
    expect([...placed].filter((u) => !units.has(u))).toEqual([]);
  });

  it('has no folder cycle and no import back up the pipeline', () => {
    const found = problems(edges.keys());
    // Name the files behind each problem, so that the message says what to move.
    const detail = found.map((p) => [p, ...(edges.get(p.replace(/ goes up the layers$/, '')) ?? []).map((f) => `  ${f}`)].join('\n'));
    expect(detail).toEqual([]);
  });

  it('reports an upward import, a cycle and an unplaced folder', () => {
    const layers = [['source'], ['parse'], ['lint', 'cache']];
    expect(problems(['parse -> source', 'lint -> parse'], layers)).toEqual([]);
    expect(problems(['source -> parse'], layers)).toEqual(['source -> parse goes up the layers']);
    expect(problems(['lint -> cache', 'cache -> lint'], layers)).toEqual(['cycle: cache -> lint -> cache']);
    expect(problems(['source -> parse', 'parse -> source'], layers)).toEqual(['source -> parse goes up the layers']);
    expect(problems(['lint -> shiny'], layers)).toEqual(['shiny is in no layer (add it to LAYERS)']);
  });

  it('reads import, export, dynamic import and module augmentation, not comments', () => {
    const text = [
      "import { a } from '../lint/report.js';",
      "import type { B } from './b.js';",
      "export { c } from '../core/c.js';",
      "const d = await import('../engine/d.js');",
      "declare module '../parse/load-file.js' {}",
      "// import { e } from '../cli/e.js';",
      "/** import { f } from '../cli/f.js'; */",
      "import { g } from 'yaml';",
    ].join('\n');
    expect(specifiers(text)).toEqual(['../lint/report.js', './b.js', '../core/c.js', '../engine/d.js', '../parse/load-file.js']);
  });
});
