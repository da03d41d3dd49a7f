/**
 * The online flags end to end, through the built CLI: no request and no network code without
 * them; findings, summary line and exit code with them; proxies from HTTP_PROXY; usage errors.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { milintAsync, startProxy, startServer, type TestServer } from '../helpers/http-server.js';
import { modelPage, positionOf } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';

const CKPT = Buffer.from('weights '.repeat(64));
const CKPT_SHA = createHash('sha256').update(CKPT).digest('hex');
let server: TestServer;
let proxy: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url?.startsWith('/ckpt-')) { res.writeHead(200, { 'content-length': CKPT.length, etag: '"1"' }); res.end(req.method === 'HEAD' ? undefined : CKPT); return; }
    if (req.url === '/gone') res.writeHead(404);
    else if (req.url === '/old') res.writeHead(301, { location: '/new' });
    else res.writeHead(200, { 'content-length': 10 });
    res.end();
  });
  proxy = await startProxy();
});
afterAll(async () => { await server.close(); await proxy.close(); });

const page = () => modelPage([
  { name: 'a', weights: `${server.origin}/a.pth`, fileSize: 10 },
  { name: 'b', code: `${server.origin}/gone` },
  { name: 'c', paper: `${server.origin}/old` },
]);
const noProxy = { NO_PROXY: '*' };

describe('online flags (CLI)', () => {
  it('sends no request without --check-urls or --verify-weights, and loads neither undici nor the online code', async () => {
    const dir = tmpTree({ 'page.md': page(), 'hooks.mjs': HOOKS, 'register.mjs': REGISTER });
    const log = join(dir, 'modules.log');
    const before = server.seen.length;
    const r = await milintAsync(['-f', 'compact', 'page.md'], dir, { NODE_OPTIONS: `--import ${pathToFileURL(join(dir, 'register.mjs')).href}`, MILINT_MODULE_LOG: log });
    expect(server.seen.length).toBe(before);
    expect(r.code).toBe(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.includes('/dist/bundle/main.js'))).toBe(true);
    expect(loaded.filter((u) => /\/(undici|cli-online)[^/]*$/.test(u))).toEqual([]);
    // The chunks exist: what a run does not load is there to be loaded.
    expect(readdirSync(join(ROOT, 'dist', 'bundle')).filter((f) => /^(undici|cli-online)-/.test(f))).toHaveLength(2);
  });

  it('reports dead links at their position, prints the summary line on stderr and exits 1', async () => {
    const text = page();
    const dir = tmpTree({ 'page.md': text });
    const r = await milintAsync(['-f', 'compact', '--check-urls', 'page.md'], dir, noProxy);
    const gone = positionOf(text, `${server.origin}/gone`);
    const old = positionOf(text, `${server.origin}/old`);
    const lines = r.stdout.split('\n').filter((l) => /url\/(dead-link|moved)/.test(l));
    expect(lines).toEqual([
      `page.md:${gone.line}:${gone.column}: error Code link "${server.origin}/gone" is dead: the server answered 404. [url/dead-link]`,
      `page.md:${old.line}:${old.column}: warning Paper link "${server.origin}/old" has moved permanently (301) to "${server.origin}/new"; link the new address. [url/moved]`,
    ]);
    expect(r.stderr).toMatch(/^milint: 3 links checked: 4 requests, 0 cached answers; \d+\.\d s\n$/);
    expect(r.code).toBe(1);
  });

  it('finds every link with --cache too (files linted on their own keep only some fields)', async () => {
    const dir = tmpTree({ 'page.md': page() });
    for (let i = 0; i < 2; i++) {
      const r = await milintAsync(['-f', 'compact', '--cache', '--check-urls', 'page.md'], dir, noProxy);
      expect(r.stdout).toContain('[url/dead-link]');
      expect(r.stdout).toContain('[url/moved]');
      expect(r.stderr).toContain(i === 0 ? '0 cached answers' : '0 requests, 3 cached answers');
    }
  });

  it('goes through the proxy in HTTP_PROXY (undici tunnels plain http with CONNECT too)', async () => {
    const dir = tmpTree({ 'page.md': modelPage([{ name: 'a', code: `${server.origin}/via-proxy` }]) });
    const before = { server: server.seen.length, proxy: proxy.seen.length };
    const r = await milintAsync(['-f', 'compact', '--check-urls', 'page.md'], dir, { HTTP_PROXY: proxy.origin });
    expect(r.stderr).toMatch(/1 link checked: 1 request/);
    expect(proxy.seen.slice(before.proxy).map((s) => `${s.method} ${s.url}`)).toEqual([`CONNECT ${server.host}`]);
    expect(server.seen.slice(before.server).map((s) => s.url)).toEqual(['/via-proxy']);
  });

  it('goes through HTTPS_PROXY for https links (CONNECT, then TLS to the server), and around the proxy for NO_PROXY hosts', async () => {
    const secure = `https://${server.host}/via-tunnel`;
    const dir = tmpTree({ 'page.md': modelPage([{ name: 'a', code: secure }]) });
    const before = proxy.seen.length;
    const env = { HTTPS_PROXY: proxy.origin, NODE_EXTRA_CA_CERTS: join(ROOT, 'fixtures', 'online', 'test-cert.pem') };
    const tunnelled = await milintAsync(['-f', 'compact', '--check-urls', 'page.md'], dir, env);
    expect(tunnelled.stdout).not.toContain('url/unreachable');
    expect(proxy.seen.slice(before).map((s) => `${s.method} ${s.url}`)).toEqual([`CONNECT ${server.host}`]);
    const around = await milintAsync(['-f', 'compact', '--check-urls', '--url-cache-ttl', '0', 'page.md'], dir, { ...env, NO_PROXY: '127.0.0.1' });
    expect(around.stderr).toMatch(/1 link checked: 1 request/);
    expect(proxy.seen.length).toBe(before + 1);
  });

  it('a bad HTTP_PROXY is a usage error (exit 2), not a crash', async () => {
    const dir = tmpTree({ 'page.md': page() });
    const r = await milintAsync(['--check-urls', 'page.md'], dir, { HTTP_PROXY: '::not a url' });
    expect(r.stderr).toBe('milint: the proxy settings cannot be used (Invalid URL).\nCheck HTTP_PROXY, HTTPS_PROXY and NO_PROXY.\n');
    expect(r.code).toBe(2);
  });

  it('--fix writes the new address of a permanent redirect; --fix-dry-run prints it as a diff and writes nothing', async () => {
    const text = page();
    const dir = tmpTree({ 'page.md': text });
    const dry = await milintAsync(['-f', 'compact', '--fix-dry-run', '--check-urls', 'page.md'], dir, noProxy);
    expect(dry.stdout).toContain(`-    URL: ${server.origin}/old\n+    URL: ${server.origin}/new\n`);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(text);
    const fixed = await milintAsync(['-f', 'compact', '--fix', '--check-urls', 'page.md'], dir, noProxy);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(text.replace(`${server.origin}/old`, `${server.origin}/new`));
    expect(fixed.stdout).not.toContain('[url/moved]');
    expect(fixed.stdout).toContain('[url/dead-link]');
    expect(fixed.code).toBe(1);
  });

  it('--verify-weights downloads and hashes each checkpoint once, and a second run downloads nothing', async () => {
    const good = `${server.origin}/ckpt-${CKPT_SHA.slice(0, 8)}.pth`;
    const bad = `${server.origin}/ckpt-12345678.pth`;
    const text = modelPage([{ name: 'a', weights: good, fileSize: CKPT.length }, { name: 'b', weights: bad, fileSize: CKPT.length }]);
    const dir = tmpTree({ 'page.md': text });
    const first = await milintAsync(['-f', 'compact', '--verify-weights', 'page.md'], dir, noProxy);
    const p = positionOf(text, bad);
    expect(first.stdout.split('\n').filter((l) => l.includes('weights/'))).toEqual([
      `page.md:${p.line}:${p.column}: error The file name of "${bad}" promises a sha256 starting 12345678, but the file's sha256 is ${CKPT_SHA}. [weights/hash-mismatch]`,
    ]);
    expect(first.stderr).toMatch(new RegExp(`^milint: 2 links checked: 4 requests, 0 cached answers; 2 checkpoints verified, 2 downloaded \\(${CKPT.length * 2} bytes\\); \\d+\\.\\d s\n$`));
    expect(first.code).toBe(1);
    const second = await milintAsync(['-f', 'compact', '--verify-weights', 'page.md'], dir, noProxy);
    expect(second.stderr).toMatch(/: 0 requests, 2 cached answers; 2 checkpoints verified, 0 downloaded \(0 bytes\)/);
    expect(second.stdout).toBe(first.stdout);
  });

  it.each([
    [['--offline'], '--offline goes with --check-urls or --verify-weights.'],
    [['--url-cache-ttl', '1d'], '--url-cache-ttl goes with --check-urls or --verify-weights.'],
    [['--check-urls', '--url-cache-ttl', 'soon'], '--url-cache-ttl takes a duration (0, 90s, 30m, 12h, 1d), got "soon".'],
    [['--verify-weights', '--max-download-size', 'big'], '--max-download-size takes a size (500MB, 2GiB, or bytes), got "big".'],
  ])('refuses %j', async (args, message) => {
    const dir = tmpTree({ 'page.md': page() });
    const r = await milintAsync([...args, 'page.md'], dir);
    expect(r.stderr).toBe(`milint: ${message}\n`);
    expect(r.code).toBe(2);
  });
});

/** A module hook that logs every URL the CLI resolves (to show what a run loads). */
const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(log, r.url + '\\n');
  return r;
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: process.env.MILINT_MODULE_LOG } });
`;

