/**
 * One index per root: a file that nothing imports (a root model-index.yml, a page or a card that no
 * index imports) starts an index of its own, made of what it reaches through its references.
 * Cross-file rules compare entries within one index only: a folder of Hugging Face cards is many
 * repositories, and a template page beside the index it is generated into is not a second copy.
 */
import type { Resolution, Unit } from '../resolve/resolve.js';
import type { Entry, ModelIndex } from '../model/types.js';
import { missingImports } from '../model/normalize.js';

/**
 * The indexes of a run: `index` itself when every entry belongs to one root (the common case, at
 * no cost), else one index per root file, each holding the entries of the files that root reaches
 * (a file two roots import is in both). Entries no root reaches (a cycle with no way in) form one
 * more index. Each index lists the text of the broken blocks it reaches (see `ModelIndex.broken`).
 */
export function indexGroups(resolution: Resolution, index: ModelIndex): ModelIndex[] {
  const rootUnits = new Map<string, Unit[]>();
  for (const u of resolution.roots) {
    const list = rootUnits.get(u.file.path);
    if (list) list.push(u);
    else rootUnits.set(u.file.path, [u]);
  }
  if (rootUnits.size <= 1) return [index];
  const rootFiles = [...rootUnits.keys()];
  const groupsOf = new Map<string, number[]>();
  const broken: string[][] = rootFiles.map(() => []);
  rootFiles.forEach((root, g) => {
    const seen = new Set<string>();
    const stack: Unit[] = [...rootUnits.get(root)!];
    while (stack.length > 0) {
      const unit = stack.pop()!;
      if (seen.has(unit.key)) continue;
      seen.add(unit.key);
      const list = groupsOf.get(unit.file.path) ?? [];
      if (list[list.length - 1] !== g) list.push(g);
      groupsOf.set(unit.file.path, list);
      if (unit.block.broken) broken[g]!.push(unit.block.parsed.block.text);
      for (const t of resolution.targetsOfUnit.get(unit.key) ?? []) stack.push(t);
    }
  });
  const rest = rootFiles.length;
  const models: Entry[][] = [];
  const collections: Entry[][] = [];
  const libraries: Entry[][] = [];
  for (let g = 0; g <= rest; g++) { models.push([]); collections.push([]); libraries.push([]); }
  const sort = (lists: Entry[][], entries: readonly Entry[]): void => {
    for (const e of entries) {
      for (const g of groupsOf.get(e.origin.block.block.file.path) ?? [rest]) lists[g]!.push(e);
    }
  };
  sort(models, index.models);
  sort(collections, index.collections);
  sort(libraries, index.libraries);
  const missing: string[][] = rootFiles.map(() => []);
  for (const r of resolution.reports) {
    for (const target of missingImports([r])) for (const g of groupsOf.get(r.file.path) ?? []) missing[g]!.push(target);
  }
  const out: ModelIndex[] = [];
  for (let g = 0; g <= rest; g++) {
    if (models[g]!.length + collections[g]!.length + libraries[g]!.length === 0) continue;
    out.push({
      ...index, models: models[g]!, collections: collections[g]!, libraries: libraries[g]!,
      ...(g < rest ? { broken: broken[g]!, missing: missing[g]! } : {}),
    });
  }
  return out;
}
