// Deterministic timm-style model zoos for tests and benchmarks.
//
//   node scripts/generate-corpus.js --pages 1000 --out /tmp/zoo [--inject [--injected N] [--broken]] [--seed 1]
//
// A zoo is a root model-index.yml that imports docs/models/*.md; each page is a timm-style model
// page (prose, code fences, an example comment inside a fence) ending in a model-index comment
// with one collection and four models. With `inject`, the first pages each carry one kind of
// mistake, and `expected` lists the diagnostics (file, line, rule) that milint must report.
// `injected` spreads the kinds over that many pages, in turn; `broken` adds a page whose block is
// not valid YAML and an Import of a file that does not exist: neither may hide another mistake.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: a small seeded PRNG, so that the same seed gives the same zoo. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHA = '9a25fdf3ad0414b4d66da443fe60ae0aa14edc84';

/** One model as a list of [line, expectedRules?] pairs (lines without the leading `- `). */
function modelLines(m) {
  const L = (text, ...rules) => [text, rules];
  const lines = [
    L(`- Name: ${m.name}`, ...(m.rulesAt.name ?? [])),
    L(`  In Collection: ${m.collection}`, ...(m.rulesAt.collection ?? [])),
    L('  Metadata:'),
    L(`    FLOPs: ${m.flops}`, ...(m.rulesAt.flops ?? [])),
    L(`    Parameters: ${m.params}`),
    L(`    File Size: ${m.fileSize}`, ...(m.rulesAt.fileSize ?? [])),
    L('    Architecture:'),
    L('    - Convolution'),
    L('    - Batch Normalization'),
    L('    Training Data:'),
    L('    - ImageNet'),
    L(`    ID: ${m.id}`, ...(m.rulesAt.id ?? [])),
    L(`    ${m.cropKey}: '${m.crop}'`, ...(m.rulesAt.crop ?? [])),
    L(`    Image Size: '${m.imageSize}'`, ...(m.rulesAt.imageSize ?? [])),
    L(`    ${m.interpKey}: ${m.interp}`, ...(m.rulesAt.interp ?? [])),
    ...(m.extraMeta ?? []).map((t) => L(t[0], ...t[1])),
    L(`  Code: ${m.code}`, ...(m.rulesAt.code ?? [])),
    L(`  ${m.weightsKey}: ${m.weights}`, ...(m.rulesAt.weights ?? [])),
    L('  Results:'),
    L('  - Task: Image Classification', ...(m.rulesAt.result ?? [])),
    ...(m.noDataset ? [] : [L('    Dataset: ImageNet')]),
    L('    Metrics:'),
    L(`      Top 1 Accuracy: ${m.top1}`, ...(m.rulesAt.top1 ?? [])),
    L(`      Top 5 Accuracy: ${m.top5}`, ...(m.rulesAt.top5 ?? [])),
  ];
  return lines;
}

/**
 * The kinds of injected mistakes: each changes one model (or its page) and says which rules must
 * report it and on which of the model's lines. Run with the `timm` preset.
 */
const INJECTIONS = [
  ['unknown key', (m) => { m.weightsKey = 'Wieghts'; m.rulesAt.weights = ['schema/unknown-key']; m.rulesAt.name = ['model/required-fields']; }],
  ['key spelling', (m) => { m.cropKey = 'Crop pct'; m.rulesAt.crop = ['schema/key-spelling']; }],
  ['misspelled metadata key', (m) => { m.interpKey = 'Intepolation'; m.rulesAt.interp = ['metadata/misspelled-key']; m.rulesAt.name = ['model/required-fields']; }],
  ['interpolation value', (m) => { m.interp = 'bicubik'; m.rulesAt.interp = ['metadata/interpolation']; }],
  ['unit string', (m) => { m.flops = '4.1G'; m.rulesAt.flops = ['metadata/number']; }],
  ['file size', (m) => { m.fileSize = Math.round(m.params / 100); m.rulesAt.fileSize = ['metadata/file-size']; }],
  ['crop pct', (m) => { m.crop = '1.5'; m.rulesAt.crop = ['metadata/crop-pct']; }],
  ['image size', (m) => { m.imageSize = '0'; m.rulesAt.imageSize = ['metadata/image-size']; }],
  ['id differs', (m) => { m.id = `${m.name}_v2`; m.rulesAt.id = ['model/id-matches-name']; }],
  ['collection', (m) => { m.collection = `${m.collection}s`; m.rulesAt.collection = ['collection/exists']; }],
  ['metric value', (m) => { m.top1 = 'n/a'; m.rulesAt.top1 = ['results/metric-value']; }],
  ['percent range', (m) => { m.top5 = '194.2%'; m.rulesAt.top5 = ['results/percent-range', 'results/outlier']; }],
  ['top5 below top1', (m) => { [m.top1, m.top5] = [m.top5, m.top1]; m.rulesAt.top5 = ['results/top5-below-top1']; }],
  ['outlier', (m) => { m.top1 = '0.79%'; m.rulesAt.top1 = ['results/outlier']; }],
  ['missing dataset', (m) => { m.noDataset = true; m.rulesAt.result = ['schema/missing-key']; }],
  ['weights not a URL', (m) => { m.weights = m.weights.replace('https://', ''); m.rulesAt.weights = ['schema/invalid-value']; }],
  ['http weights', (m) => { m.weights = m.weights.replace('https://', 'http://'); m.rulesAt.weights = ['url/https']; }],
  ['unpinned code', (m) => { m.code = m.code.replace(SHA, 'master'); m.rulesAt.code = ['url/code-pinned']; }],
  ['yaml 1.1 scalar', (m) => { m.extraMeta = [['    Pretrained: yes', ['yaml/portability']]]; }],
];

/** Page-level injections: they need the page, not one model. */
const PAGE_INJECTIONS = [
  ['duplicate model name', (models) => { models[3].name = models[0].name; models[3].id = models[0].name; models[3].rulesAt.name = ['model/duplicate-name']; }],
  // Reported once, by name-mismatch (weights/shared says no more about the same line).
  ["neighbour's checkpoint", (models) => { models[2].weights = models[1].weights; models[2].rulesAt.weights = ['weights/name-mismatch']; }],
];

function makeModel(rand, family, j) {
  const name = `${family}_m${j}`;
  const params = Math.round(5e6 + rand() * 8e7);
  const top1 = 70 + rand() * 15;
  return {
    name, id: name, collection: family, flops: Math.round(params * (40 + rand() * 200)), params,
    fileSize: Math.round(params * (3.9 + rand() * 0.3)), crop: (0.85 + Math.round(rand() * 10) / 100).toFixed(3),
    imageSize: [224, 240, 256, 288][j % 4], interp: rand() < 0.6 ? 'bicubic' : 'bilinear',
    cropKey: 'Crop Pct', interpKey: 'Interpolation', weightsKey: 'Weights',
    code: `https://github.com/rwightman/pytorch-image-models/blob/${SHA}/timm/models/${family}.py#L${100 + j * 7}`,
    weights: `https://github.com/rwightman/pytorch-image-models/releases/download/v0.1-weights/${name}-${(Math.floor(rand() * 0xfffffff)).toString(16).padStart(8, '0')}.pth`,
    top1: `${top1.toFixed(2)}%`, top5: `${Math.min(99.9, top1 + 10 + rand() * 5).toFixed(2)}%`,
    rulesAt: {},
  };
}

/**
 * @param {{ pages: number, seed?: number, inject?: boolean, injected?: number, broken?: boolean }} options
 * @returns {{ files: Record<string, string>, expected: { file: string, line: number, ruleId: string }[], models: number }}
 */
export function generateCorpus({ pages, seed = 1, inject = false, injected, broken = false }) {
  const rand = prng(seed);
  const files = { 'model-index.yml': `Import:\n- ./docs/models/*.md\n${broken ? '- ./docs/extra/missing.yml\n' : ''}Library:\n  Name: Generated Zoo\n  Repository: https://github.com/example/generated-zoo\n` };
  const expected = [];
  const kinds = inject ? INJECTIONS.length + PAGE_INJECTIONS.length : 0;
  const count = inject ? injected ?? kinds : 0;
  for (let i = 0; i < pages; i++) {
    const family = `family${String(i).padStart(5, '0')}`;
    const file = `docs/models/${family}.md`;
    const models = [0, 1, 2, 3].map((j) => makeModel(rand, family, j));
    if (i < count) {
      const k = i % kinds;
      if (k < INJECTIONS.length) INJECTIONS[k][1](models[1]);
      else PAGE_INJECTIONS[k - INJECTIONS.length][1](models);
    }
    const head = [
      `# ${family}`, '', `**${family}** is a generated image classification family for milint's tests.`, '',
      '## How do I use this model?', '', '```python', 'import timm', `model = timm.create_model('${models[0].name}', pretrained=True)`,
      '# a model-index comment in a code block is an example, not a block:', '# <!-- Type: model-index -->', '```', '',
      'Write metadata in an HTML comment such as `<!-- Type: model-index -->`.', '',
      '<!--', 'Type: model-index', 'Collections:', `- Name: ${family}`, '  Paper:',
      `    Title: A paper about ${family}`, `    URL: https://paperswithcode.com/paper/${family}`, 'Models:',
    ];
    const lines = [...head];
    for (const m of models) {
      for (const [text, rules] of modelLines(m)) {
        lines.push(text);
        for (const ruleId of rules) expected.push({ file, line: lines.length, ruleId });
      }
    }
    lines.push('-->', '');
    files[file] = lines.join('\n');
  }
  if (broken) {
    // A page whose block is cut short by a tab indent: a YAML syntax error.
    files['docs/models/broken.md'] = '# broken\n\n<!--\nType: model-index\nModels:\n- Name: broken_m0\n\tIn Collection: broken\n-->\n';
    expected.push({ file: 'docs/models/broken.md', line: 7, ruleId: 'yaml/syntax' });
    expected.push({ file: 'model-index.yml', line: 3, ruleId: 'import/not-found' });
  }
  if (inject) {
    files['configs/unused/metafile.yml'] = 'Collections:\n- Name: never_imported\n';
    expected.push({ file: 'configs/unused/metafile.yml', line: 1, ruleId: 'import/orphan' });
  }
  expected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1)));
  return { files, expected, models: pages * 4 };
}

/** Writes a corpus to a folder. */
export function writeCorpus(dir, corpus) {
  for (const [name, text] of Object.entries(corpus.files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i === -1 ? def : process.argv[i + 1]; };
  const out = arg('out');
  if (!out) { console.error('usage: node scripts/generate-corpus.js --pages N --out DIR [--inject [--injected N] [--broken]] [--seed S]'); process.exit(2); }
  const injected = arg('injected');
  const corpus = generateCorpus({
    pages: Number(arg('pages', '100')), seed: Number(arg('seed', '1')), inject: process.argv.includes('--inject'),
    ...(injected ? { injected: Number(injected) } : {}), broken: process.argv.includes('--broken'),
  });
  writeCorpus(out, corpus);
  console.log(`wrote ${Object.keys(corpus.files).length} files (${corpus.models} models) to ${out}`);
}
