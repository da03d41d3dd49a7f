/**
 * The quick validity look must never call valid what zod rejects (it would hide diagnostics), on
 * every value of every corpus read against every schema it stands in for, and on generated data
 * around the schemas' edges; and it must prove most clean blocks valid, or it has stopped paying.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { extract, formatOf } from '../src/extract/extract.js';
import { sourceFromText } from '../src/source/source-file.js';
import { fastBlock } from '../src/parse/fast-block.js';
import { parseBlock } from '../src/parse/parse-block.js';
import { toData, type Data } from '../src/source/to-data.js';
import * as pwc from '../src/schema/pwc.js';
import { surelyValid } from '../src/schema/pwc-valid.js';
import { generateCorpus } from '../scripts/generate-corpus.js';
import { ROOT } from './helpers/exec.js';
import { filesBelow } from './helpers/files.js';
import { fuzzTimeLimit } from './helpers/fuzz.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400) * 5;
const SCHEMAS: [string, z.ZodType][] = [
  ['modelIndex', pwc.modelIndex], ['modelList', pwc.modelList], ['collectionList', pwc.collectionList], ['model', pwc.model],
  ['collection', pwc.collection], ['metadata', pwc.metadata], ['results', pwc.results], ['result', pwc.result], ['library', pwc.library],
];

/** Fails when the quick look calls valid what zod rejects; returns whether it called it valid. */
function sound(schema: z.ZodType, name: string, data: Data): boolean {
  const quick = surelyValid(schema, data);
  if (quick) expect(schema.safeParse(data).success, `${name} accepted by the quick look, rejected by zod: ${JSON.stringify(data)}`).toBe(true);
  return quick;
}

/** Every value inside `d` (itself included). */
function* values(d: Data): Generator<Data> {
  yield d;
  if (Array.isArray(d)) for (const x of d) yield* values(x);
  else if (d !== null && typeof d === 'object') for (const k of Object.keys(d)) yield* values(d[k]!);
}

/** The data of every block in `files` (path, text), both as the fast path and as the full parse read it. */
function dataOf(files: [string, string][]): Data[] {
  return files.flatMap(([path, text]) => {
    const format = formatOf(path);
    if (!format || format === 'json') return [];
    return extract(sourceFromText(path, text), format, true).blocks.flatMap((b) => {
      const out: Data[] = [];
      const fast = fastBlock(b);
      if (fast) out.push(fast.data);
      const { parsed, problems } = parseBlock(b);
      if (!problems.some((p) => p.severity === 'error')) out.push(toData(parsed.doc, parsed.doc.contents, { canonical: b.kind !== 'front-matter' }).data);
      return out;
    });
  });
}

const below = (dir: string): [string, string][] => filesBelow(join(ROOT, 'fixtures', dir)).map((p) => [p, readFileSync(p, 'utf8')]);

describe('quick validity look: never valid where zod says invalid', () => {
  it('on every value of every corpus, against every schema', () => {
    const blocks = dataOf([...below('corpus'), ...below('rules'), ...below('demo'), ...below('cli'),
      ...Object.entries(generateCorpus({ pages: 40, seed: 9, inject: true }).files)]);
    expect(blocks.length).toBeGreaterThan(500);
    // Each distinct value once (pages repeat the same datasets, tasks and metadata).
    const distinct = new Map<string, Data>();
    const key = (v: Data) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? `number:${x}` : x));
    for (const block of blocks) for (const v of values(block)) distinct.set(key(v), v);
    expect(distinct.size).toBeGreaterThan(5_000);
    for (const v of distinct.values()) for (const [name, schema] of SCHEMAS) sound(schema, name, v);
  });

  it('proves nearly every clean timm page valid', () => {
    const blocks = dataOf(below('corpus/timm/docs/models'));
    const clean = blocks.filter((d) => pwc.modelIndex.safeParse(d).success);
    const quick = clean.filter((d) => surelyValid(pwc.modelIndex, d));
    expect(clean.length).toBeGreaterThan(100);
    expect(quick.length).toBe(clean.length);
  });

  it(`on generated data around the schemas' edges (${RUNS * 5} runs)`, () => {
    // Leaves: valid values and each way a value can be wrong.
    const leaf = fc.oneof(
      fc.constantFrom('ImageNet', 'x', 'https://a.example/b', 'http://x.org', '1404.5997', '1512.00567v3', ' 1404.5997 ', '79.5%',
        'HTTPS://A.B/c', 'https://1.2.3.4/x', 'https://a.b:8080/x', 'https://a b', 'https://', 'ftp://a.b', '', ' ', '2E5'),
      fc.constantFrom(0, -1, 1.5, 224, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, null),
      fc.constant([]), fc.constant({}), fc.string({ maxLength: 4 }), fc.double(),
    );
    /** Model-index-like data: `bad` is how often a field holds any leaf instead of a good value (0: never). */
    const shapes = (bad: number): fc.Arbitrary<unknown> => {
      // Each field mostly good, sometimes any leaf: so that whole entries are valid but for one thing.
      const or = <T,>(good: fc.Arbitrary<T>) => (bad === 0 ? good : fc.oneof({ weight: 8, arbitrary: good }, { weight: bad, arbitrary: leaf }));
      const str = or(fc.constantFrom('ImageNet', 'resnet50', 'Image Classification', 'bicubic', 'a b'));
      const url = or(fc.constantFrom('https://a.example/b', 'http://x.org/y#z', 'https://github.com/o/r/blob/abc/x.py#L1'));
      const count = or(fc.constantFrom(1, 224, 0.875, '0.875', '224', '4.1 GFLOPs'));
      const listOr = <T,>(a: fc.Arbitrary<T>) => (bad === 0 ? fc.oneof(a, fc.array(a, { maxLength: 3 })) : fc.oneof(a, fc.array(a, { maxLength: 3 }), leaf));
      // Sometimes a key that does not belong.
      const withExtra = <T extends object>(a: fc.Arbitrary<T>) => fc.tuple(a, (bad === 0 ? fc.constant(null) : fc.option(fc.constantFrom('Other', 'name', 'Top 1', '__proto__'), { freq: 8 })), leaf)
        .map(([o, k, v]) => (k === null ? o : { ...o, [k]: v }));
      const rec = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T, requiredKeys: (keyof T)[] = []) =>
        withExtra(fc.record(shape, { requiredKeys: requiredKeys as never[] }));
      const named = fc.oneof(str, rec({ Name: str }, ['Name']));
      const metrics = or(fc.oneof(fc.dictionary(fc.constantFrom('Top 1 Accuracy', 'Top 5 Accuracy', 'mAP'), or(fc.constantFrom(79.5, '79.5%', 'n/a')), { maxKeys: 3 }),
        fc.array(or(fc.constantFrom(1, 'x')), { maxLength: 3 })));
      const result = rec({ Task: named, Dataset: named, Metrics: metrics }, ['Task', 'Dataset', 'Metrics']);
      const metaMap = rec({
        FLOPs: count, Parameters: count, 'File Size': count, Epochs: count, 'Batch Size': count, 'Crop Pct': count, 'Image Size': count,
        Interpolation: str, 'Training Data': listOr(str), 'Training Techniques': listOr(str), 'Training Resources': listOr(str),
        Architecture: listOr(str), ID: count, Custom: or(str),
      });
      const common = {
        Metadata: listOr(metaMap), Results: listOr(fc.oneof(result, str)), Paper: fc.oneof(url, or(fc.constantFrom('1404.5997', '1512.00567v3')), rec({ Title: str, URL: url }, ['URL'])),
        Code: fc.oneof(url, rec({ URL: url, Version: count }, ['URL'])), Weights: url, Config: str, README: str, Image: str,
        'Converted From': or(rec({ Weights: url, Code: url })),
      };
      const model = rec({ Name: str, 'In Collection': str, ...common }, ['Name']);
      const collection = rec({ Name: str, ...common }, ['Name']);
      const library = rec({ Name: str, Headline: str, Website: url, Repository: url, Docs: url, README: str, Image: str });
      const index = rec({
        Type: str, Import: listOr(str), Models: listOr(fc.oneof(model, str)), Collections: listOr(fc.oneof(collection, str)),
        Library: fc.oneof(library, str),
      });
      return fc.oneof(index, model, collection, result, metaMap, library, fc.array(fc.oneof(model, result, metaMap, str), { maxLength: 3 }));
    };
    // Faults anywhere, several at once.
    let quick = 0;
    fc.assert(fc.property(shapes(1), (d) => {
      for (const [name, schema] of SCHEMAS) if (sound(schema, name, d as Data)) quick++;
    }), { numRuns: RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? 1) });
    expect(quick).toBeGreaterThan(RUNS / 5);
    // One fault in good data: a value replaced by any leaf, or a key added.
    const spots = (d: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) => {
      if (Array.isArray(d)) d.forEach((x, i) => { out.push([d, i]); spots(x, out); });
      else if (d !== null && typeof d === 'object') for (const k of Object.keys(d)) { out.push([d as Record<string, unknown>, k]); spots((d as Record<string, unknown>)[k], out); }
      return out;
    };
    fc.assert(fc.property(shapes(0), fc.nat(), leaf, fc.constantFrom('value', 'key'), (d, at, v, how) => {
      const all = spots(d);
      if (all.length === 0) return;
      const [where, k] = all[at % all.length]!;
      if (how === 'key' && !Array.isArray(where)) (where as Record<string, unknown>)[`${String(k)}x`] = v;
      else (where as Record<string | number, unknown>)[k] = v;
      for (const [name, schema] of SCHEMAS) sound(schema, name, d as Data);
    }), { numRuns: RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 1) });
  }, fuzzTimeLimit);
});
