// npm run bench:urls: the time of --check-urls over timm's model pages, first run and cached run.
//
// Copies /work/shared/corpus/timm (or --corpus <dir>) to a temporary folder and points every link of
// its pages at servers on 127.0.0.1, so that no
// request leaves the machine (one local server per real host, so that the bound on requests per host
// acts as it would). The servers mimic the checkpoints: GitHub release assets answer 302 to
// a download address, as github.com does, which answers with the Content-Length of the page's File
// Size; other links answer 200. `--latency <ms>` delays every answer (default 0; a real server is
// tens to hundreds of ms away). Prints the median wall time of a plain lint, of a first --check-urls
// run (empty cache) and of a cached one, with the requests the server counted.
//   node scripts/bench-urls.js [--corpus dir] [--runs 3] [--latency 0]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i === -1 ? def : process.argv[i + 1]; };
const corpus = arg('corpus', '/work/shared/corpus/timm');
const runs = Number(arg('runs', '3'));
const latency = Number(arg('latency', '0'));

const dir = mkdtempSync(join(tmpdir(), 'milint-bench-urls-'));
cpSync(join(corpus, 'model-index.yml'), join(dir, 'model-index.yml'));
cpSync(join(corpus, 'docs', 'models'), join(dir, 'docs', 'models'), { recursive: true, filter: (src) => !src.includes('.templates') });

let requests = 0;
const sizes = new Map();
const servers = [];
/** A server standing for one real host (so that requests per host are bounded as they would be). */
async function serverFor(host) {
  const server = http.createServer((req, res) => {
    requests++;
    const path = req.url ?? '/';
    setTimeout(() => {
      if (host === 'github.com' && path.includes('/releases/download/')) {
        res.writeHead(302, { location: `${objects}${path}` });
      } else {
        const size = sizes.get(`${host}${path}`.replace(/^objects/, 'github.com'));
        res.writeHead(200, size === undefined ? { 'content-length': 0 } : { 'content-length': size, etag: `"${size}"` });
      }
      res.end();
    }, latency);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}
const origins = new Map();
const objects = await serverFor('objects');

// Every link of every page to a local server, one per host; each Weights path remembers its model's File Size.
let weights = 0;
const pages = readdirSync(join(dir, 'docs', 'models')).filter((f) => f.endsWith('.md'));
for (const name of pages) {
  const file = join(dir, 'docs', 'models', name);
  let text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/https?:\/\/([^/\s)'"]+)/g)) if (!origins.has(m[1])) origins.set(m[1], await serverFor(m[1]));
  for (const model of text.split(/\n- Name: /).slice(1)) {
    const w = /\n\s+Weights: (\S+)/.exec(model);
    const s = /\n\s+File Size: (\d+)/.exec(model);
    if (!w) continue;
    weights++;
    if (s) { const u = new URL(w[1]); sizes.set(`${u.host}${u.pathname}`, Number(s[1])); }
  }
  text = text.replace(/https?:\/\/([^/\s)'"]+)/g, (_, host) => origins.get(host));
  writeFileSync(file, text);
}

/** Runs the built CLI (without blocking the server in this process); wall ms and stderr. */
function milint(args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'milint.js'), ...args], { cwd: dir, env: { PATH: process.env.PATH, NO_COLOR: '1', NO_PROXY: '*' } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (s) => { stderr += s; });
    child.on('close', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, stderr }));
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const rows = { plain: [], first: [], cached: [] };
const counts = { first: 0, cached: 0 };
let summary = { first: '', cached: '' };
for (let i = 0; i < runs; i++) {
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  rows.plain.push((await milint(['-f', 'compact', '.'])).ms);
  requests = 0;
  const first = await milint(['-f', 'compact', '--check-urls', '.']);
  rows.first.push(first.ms);
  counts.first = requests;
  summary.first = first.stderr.trim().split('\n').at(-1);
  requests = 0;
  const cached = await milint(['-f', 'compact', '--check-urls', '.']);
  rows.cached.push(cached.ms);
  counts.cached = requests;
  summary.cached = cached.stderr.trim().split('\n').at(-1);
}
for (const s of servers) s.close();
rmSync(dir, { recursive: true, force: true });

console.log(`corpus: ${corpus} (${pages.length} pages, ${weights} Weights URLs, ${sizes.size} with a File Size, ${origins.size} hosts); latency ${latency} ms; ${runs} runs, medians`);
console.log(`plain lint:              ${median(rows.plain).toFixed(0)} ms`);
console.log(`--check-urls, first run: ${median(rows.first).toFixed(0)} ms, ${counts.first} requests served  (${summary.first})`);
console.log(`--check-urls, cached:    ${median(rows.cached).toFixed(0)} ms, ${counts.cached} requests served  (${summary.cached})`);
