/**
 * The results cache of the online checks: a second run asks nothing, `--url-cache-ttl` 0 asks
 * again, `--offline` answers from the cache only, transient failures are not kept, and the file is
 * never written through a symbolic link.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { onlineChecks } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE, type OnlineOptions } from '../../src/online/options.js';
import { UrlCache, URL_CACHE_FILE } from '../../src/cache/url-cache.js';
import { ANSWERED_TIMEOUT_MS, startServer, type TestServer } from '../helpers/http-server.js';
import { modelPage } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';
import { backdateUrlCache } from '../helpers/url-cache.js';

let server: TestServer;
let busy = true;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/gone') res.writeHead(404);
    else if (req.url === '/busy') res.writeHead(busy ? 503 : 200);
    else res.writeHead(200, { 'content-length': 10 });
    res.end();
  });
});
afterAll(() => server.close());

const stderr = { isTTY: false, write: () => true };
const HOUR = 3600 * 1000;

async function run(dir: string, extra: Partial<OnlineOptions>) {
  const lint = lintFiles({ patterns: ['.'], cwd: dir });
  return onlineChecks(lint, {
    ...DEFAULT_ONLINE, checkUrls: true, timeoutMs: ANSWERED_TIMEOUT_MS, backoffMs: 1, retries: 0, proxy: { noProxy: '*' },
    cacheDir: join(dir, 'node_modules', '.cache', 'milint'), ...extra,
  }, { stderr, root: dir });
}

const ids = (out: Awaited<ReturnType<typeof run>>): string[] =>
  out.results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`)).filter((s) => /url\/(dead-link|unreachable)$/.test(s));

describe('URL cache', () => {
  const page = () => modelPage([{ name: 'a', weights: `${server.origin}/ok.pth`, fileSize: 10 }, { name: 'b', code: `${server.origin}/gone` }]);

  it('answers a second run from the cache: no request, the same findings', async () => {
    const dir = tmpTree({ 'page.md': page() });
    const first = await run(dir, {});
    expect(first.stats).toMatchObject({ links: 2, requests: 2, cached: 0 });
    const before = server.seen.length;
    const second = await run(dir, {});
    expect(server.seen.length).toBe(before);
    expect(second.stats).toMatchObject({ links: 2, requests: 0, cached: 2 });
    expect(ids(second)).toEqual(ids(first));
    expect(ids(second)).toEqual(['16:9 url/dead-link']);
    expect(second.summary).toMatch(/^milint: 2 links checked: 0 requests, 2 cached answers; \d+\.\d s$/);
  });

  it('asks again on every run with a TTL of 0, however young the answer', async () => {
    const dir = tmpTree({ 'page.md': page() });
    await run(dir, {});
    const again = await run(dir, { cacheTtlMs: 0 });
    expect(again.stats).toMatchObject({ links: 2, requests: 2, cached: 0 });
  });

  it('asks again once an answer is older than the TTL', async () => {
    const dir = tmpTree({ 'page.md': page() });
    await run(dir, {});
    backdateUrlCache(join(dir, 'node_modules', '.cache', 'milint'), HOUR);
    expect((await run(dir, { cacheTtlMs: 2 * HOUR })).stats).toMatchObject({ requests: 0, cached: 2 });
    const again = await run(dir, { cacheTtlMs: HOUR / 2 });
    expect(again.stats).toMatchObject({ requests: 2, cached: 0 });
  });

  it('--offline answers from the cache only, however old, and reports (and counts) the links it does not know', async () => {
    const dir = tmpTree({ 'page.md': page() });
    const before = server.seen.length;
    const empty = await run(dir, { offline: true });
    expect(server.seen.length).toBe(before);
    expect(empty.stats).toMatchObject({ requests: 0, cached: 0, unknown: 2 });
    // A warning at each link: a run that could check nothing does not look clean.
    expect(ids(empty)).toEqual(['12:12 url/unreachable', '16:9 url/unreachable']);
    expect(empty.summary).toContain('2 not in the cache (--offline)');
    await run(dir, {});
    const offline = await run(dir, { offline: true, cacheTtlMs: 0 });
    expect(offline.stats).toMatchObject({ requests: 0, cached: 2, unknown: 0 });
    expect(ids(offline)).toEqual(['16:9 url/dead-link']);
  });

  it('does not keep a transient failure (5xx): the next run asks again', async () => {
    const dir = tmpTree({ 'page.md': modelPage([{ name: 'a', code: `${server.origin}/busy` }]) });
    busy = true;
    expect(ids(await run(dir, {}))).toEqual(['11:9 url/unreachable']);
    busy = false;
    const next = await run(dir, {});
    expect(next.stats).toMatchObject({ requests: 1, cached: 0 });
    expect(ids(next)).toEqual([]);
  });

  it('replaces a symbolic link in the cache file\'s place instead of writing through it', async () => {
    const dir = tmpTree({ 'page.md': page(), 'outside.txt': 'keep me' });
    const cacheDir = join(dir, 'node_modules', '.cache', 'milint');
    mkdirSync(cacheDir, { recursive: true });
    symlinkSync(join(dir, 'outside.txt'), join(cacheDir, URL_CACHE_FILE));
    const out = await run(dir, {});
    expect(out.cacheError).toBeUndefined();
    expect(readFileSync(join(dir, 'outside.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(cacheDir, URL_CACHE_FILE)).isFile()).toBe(true);
  });

  it('does not write through a cache folder that is a symbolic link', async () => {
    const dir = tmpTree({ 'page.md': page(), 'elsewhere/.keep': '' });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'node_modules', '.cache'));
    const out = await run(dir, {});
    expect(out.cacheError).toMatch(/\.cache is a symbolic link$/);
    expect(existsSync(join(dir, 'elsewhere', 'milint'))).toBe(false);
  });

  it('reads a damaged or foreign cache file as an empty cache', () => {
    const dir = tmpTree({ [URL_CACHE_FILE]: '{"layout":1,"urls":[' });
    expect(UrlCache.open(dir).get('urls', 'x')).toBeUndefined();
    writeFileSync(join(dir, URL_CACHE_FILE), '{"layout":1,"urls":{"x":{"at":5,"value":{"kind":"teapot"}}},"weights":{}}');
    expect(UrlCache.open(dir).get('urls', 'x', 10)).toEqual({ value: { kind: 'teapot' }, age: 5 });
  });
});
