// npm run bench: milint against the cost of just reading and parsing the same files.
//
// For 100, 1,000 and 10,000 generated timm-style pages (and 1,000 pages with injected mistakes),
// runs the floor (read + extract + js-yaml load, no checks) and milint (full lint, JSON output)
// alternately in fresh processes, and prints per size the median wall time, the peak RSS, the
// milliseconds per page and the ratio to the floor (of the medians, and per alternating pair: each
// milint run against the floor run just before it, which the machine's load moves alike). Compare
// ratios: absolute times drift on these shared machines. Also: start-up against a bare `node -e 0`,
// and a warm --cache run against a cold one.
//   node scripts/bench.js [--sizes 100,1000,10000] [--runs 5]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, writeCorpus } from './generate-corpus.js';

const ROOT = join(import.meta.dirname, '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i === -1 ? def : process.argv[i + 1]; };
const sizes = arg('sizes', '100,1000,10000').split(',').map(Number);
const runsFor = (n) => Number(arg('runs', n >= 1000 ? '5' : '7'));
const base = join(tmpdir(), 'milint-bench');

/** Runs a command, returns wall milliseconds and peak RSS (MiB, from the child itself). */
function measure(args, env = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts', 'bench-rss.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (!m) throw new Error(`no stats from ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ms, rss: JSON.parse(m[1]).maxRssKiB / 1024, status: r.status };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const fmt = (x, d = 0) => x.toFixed(d);

function corpus(pages, inject) {
  const dir = join(base, `${pages}${inject ? '-inject' : ''}`);
  if (!existsSync(join(dir, 'model-index.yml'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeCorpus(dir, generateCorpus({ pages, seed: 1, inject }));
  }
  return dir;
}

const rows = [];
const cases = [...sizes.map((n) => [n, false]), [1000, true]];
for (const [pages, inject] of cases) {
  const dir = corpus(pages, inject);
  const floor = [];
  const lint = [];
  for (let i = 0; i < runsFor(pages); i++) {
    floor.push(measure([join(ROOT, 'scripts', 'bench-floor.js'), dir]));
    lint.push(measure([join(ROOT, 'bin', 'milint.js'), '-f', 'json', '--no-config', '--preset', 'timm', dir]));
  }
  const f = median(floor.map((r) => r.ms));
  const l = median(lint.map((r) => r.ms));
  rows.push({
    corpus: `${pages}${inject ? ' (injected)' : ''}`, floorMs: f, milintMs: l, ratio: l / f, msPerPage: l / pages,
    // Each milint run against the floor run just before it: the machine's load moves both alike.
    pairs: lint.map((r, i) => r.ms / floor[i].ms),
    floorRss: Math.max(...floor.map((r) => r.rss)), milintRss: Math.max(...lint.map((r) => r.rss)),
  });
  process.stderr.write(`done: ${pages} pages\n`);
}

console.log('| pages | floor (ms) | milint (ms) | ratio | ratio per pair: median (range) | ms/page | floor peak RSS (MiB) | milint peak RSS (MiB) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.corpus} | ${fmt(r.floorMs)} | ${fmt(r.milintMs)} | ${fmt(r.ratio, 2)} | ${fmt(median(r.pairs), 2)} (${fmt(Math.min(...r.pairs), 2)}-${fmt(Math.max(...r.pairs), 2)}) | ${fmt(r.msPerPage, 3)} | ${fmt(r.floorRss)} | ${fmt(r.milintRss)} |`);
}

// --cache on the largest corpus: a cold run (no cache file) against a warm one (nothing changed),
// alternating, each in a fresh process.
const largest = Math.max(...sizes);
const cacheDir = corpus(largest, false);
const cacheFile = join(base, `cache-${largest}.json`);
const coldRuns = [];
const warmRuns = [];
const cacheArgs = [join(ROOT, 'bin', 'milint.js'), '-f', 'json', '--no-config', '--preset', 'timm', '--cache', '--cache-location', cacheFile, cacheDir];
for (let i = 0; i < runsFor(largest); i++) {
  rmSync(cacheFile, { force: true });
  coldRuns.push(measure(cacheArgs));
  warmRuns.push(measure(cacheArgs));
}
const coldMs = median(coldRuns.map((r) => r.ms));
const warmMs = median(warmRuns.map((r) => r.ms));
console.log('');
const cachePairs = coldRuns.map((r, i) => r.ms / warmRuns[i].ms);
console.log(`--cache, ${largest} pages: cold ${fmt(coldMs)} ms (peak RSS ${fmt(Math.max(...coldRuns.map((r) => r.rss)))} MiB), warm ${fmt(warmMs)} ms (peak RSS ${fmt(Math.max(...warmRuns.map((r) => r.rss)))} MiB): warm is ${fmt(coldMs / warmMs, 2)}x faster (per pair: median ${fmt(median(cachePairs), 2)}x, ${fmt(Math.min(...cachePairs), 2)}-${fmt(Math.max(...cachePairs), 2)}x)`);

// Start-up: a bare node, `milint --version`, and a one-file lint, alternating.
const one = join(corpus(100, false), 'docs', 'models', 'family00000.md');
const bare = [];
const version = [];
const single = [];
for (let i = 0; i < 9; i++) {
  bare.push(measure(['-e', '0']).ms);
  version.push(measure([join(ROOT, 'bin', 'milint.js'), '--version']).ms);
  single.push(measure([join(ROOT, 'bin', 'milint.js'), '--no-config', one]).ms);
}
console.log('');
const over = (x) => { const d = x - median(bare); return `${d >= 0 ? '+' : '-'}${fmt(Math.abs(d))} ms`; };
console.log(`start-up: node -e 0 ${fmt(median(bare))} ms; milint --version ${over(median(version))}; one-file lint ${over(median(single))}`);
