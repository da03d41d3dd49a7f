/**
 * `--verify-weights` against a server on 127.0.0.1: checkpoints whose sha256 matches the prefix in
 * their file name and one that does not, a size that differs from File Size, one larger than the
 * cap (announced, or found while streaming), and a second run that downloads nothing.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { onlineChecks } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE, type OnlineOptions } from '../../src/online/options.js';
import { hashPrefixOf } from '../../src/online/verify.js';
import { DownloadProgress, formatBytes } from '../../src/online/progress-bar.js';
import { ANSWERED_TIMEOUT_MS, startServer, type TestServer } from '../helpers/http-server.js';
import { modelPage, positionOf, type PageModel } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';
import { backdateUrlCache } from '../helpers/url-cache.js';

const GOOD = Buffer.from('checkpoint bytes '.repeat(100));
const BIG = Buffer.alloc(5000, 7);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
let etag = '"v1"';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/trickle')) {
      // A byte every 20 ms, for ever (each gap shorter than the timeout).
      res.writeHead(200, { etag });
      if (req.method === 'HEAD') return void res.end();
      const timer = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const body = url.startsWith('/big') ? BIG : GOOD;
    const headers: Record<string, string | number> = { etag };
    // `/big-stream`: no Content-Length, so the cap is found while streaming.
    if (!url.startsWith('/big-stream') && !url.startsWith('/chunked')) headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
});
afterAll(() => server.close());

const stderr = { isTTY: false, write: () => true };

async function verify(models: PageModel[], extra: Partial<OnlineOptions> = {}, dir = tmpTree({ 'page.md': modelPage(models) })) {
  const run = lintFiles({ patterns: ['.'], cwd: dir });
  const out = await onlineChecks(run, {
    ...DEFAULT_ONLINE, verifyWeights: true, timeoutMs: ANSWERED_TIMEOUT_MS, maxDownloadBytes: 4000, proxy: { noProxy: '*' },
    cacheDir: join(dir, '.cache'), ...extra,
  }, { stderr, root: dir });
  const page = modelPage(models);
  const rows = out.results.flatMap((r) => r.diagnostics.filter((d) => /^weights\/(hash|size|unverified)/.test(d.ruleId))
    .map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, line: d.start.line, column: d.start.column, data: d.data })));
  return { out, rows, page, dir };
}

const at = (page: string, url: string, ruleId: string, messageId: string, data: Record<string, unknown>) => {
  const p = positionOf(page, url);
  return { ruleId, messageId, line: p.line, column: p.column, data: expect.objectContaining(data) };
};

describe('--verify-weights', () => {
  it('accepts a checkpoint whose sha256 starts with the prefix in its name and whose size is File Size', async () => {
    const { rows, out } = await verify([{ name: 'good', weights: `${server.origin}/good-${sha(GOOD).slice(0, 8)}.pth`, fileSize: GOOD.length }]);
    expect(rows).toEqual([]);
    expect(out.stats).toMatchObject({ verified: 1, downloaded: 1, downloadedBytes: GOOD.length });
  });

  it('reports a sha256 that does not match the prefix, and a downloaded size that differs from File Size', async () => {
    const o = server.origin;
    const models = [
      { name: 'bad', weights: `${o}/bad-0badc0de.pth`, fileSize: GOOD.length },
      { name: 'sized', weights: `${o}/chunked-${sha(GOOD).slice(0, 10)}.pth`, fileSize: 1000 },
    ];
    const { rows, page } = await verify(models);
    expect(rows).toEqual([
      at(page, models[0]!.weights, 'weights/hash-mismatch', 'differs', { expected: '0badc0de', actual: sha(GOOD) }),
      at(page, models[1]!.weights, 'weights/size-mismatch', 'differs', { expected: '1000', actual: GOOD.length, how: 'downloaded' }),
    ]);
  });

  it('does not download a checkpoint larger than the cap, announced or found while streaming', async () => {
    const o = server.origin;
    const models = [{ name: 'a', weights: `${o}/big-12345678.pth` }, { name: 'b', weights: `${o}/big-stream-12345678.pth` }];
    const { rows, page, out } = await verify(models);
    expect(rows).toEqual([
      at(page, models[0]!.weights, 'weights/unverified', 'tooLarge', { cap: 4000 }),
      at(page, models[1]!.weights, 'weights/unverified', 'tooLarge', { cap: 4000 }),
    ]);
    expect(out.stats.downloadedBytes).toBeLessThanOrEqual(4000);
  });

  it('gives up a download that trickles past its deadline, and says so', async () => {
    const weights = `${server.origin}/trickle-12345678.pth`;
    const { rows, page } = await verify([{ name: 't', weights }], { maxDownloadMs: 300 });
    expect(rows).toEqual([at(page, weights, 'weights/unverified', 'failed', { reason: 'it took more than 0.3 s' })]);
  });

  it('downloads nothing on a second run, and again when the ETag changes', async () => {
    const weights = `${server.origin}/good-${sha(GOOD).slice(0, 8)}.pth`;
    const first = await verify([{ name: 'good', weights }]);
    const before = server.seen.length;
    const second = await verify([{ name: 'good', weights }], {}, first.dir);
    expect(server.seen.length).toBe(before);
    expect(second.out.stats).toMatchObject({ requests: 0, verified: 1, downloaded: 0 });
    // Once the link's answer is older than the TTL, it is asked again; a new version of the file has a new ETag.
    etag = '"v2"';
    backdateUrlCache(join(first.dir, '.cache'), 2 * 24 * 3600 * 1000);
    const third = await verify([{ name: 'good', weights }], {}, first.dir);
    etag = '"v1"';
    expect(third.out.stats).toMatchObject({ downloaded: 1 });
    expect(server.seen.slice(before).map((s) => s.method)).toEqual(['HEAD', 'GET']);
  });
});

describe('hashPrefixOf', () => {
  it.each([
    ['https://x/resnext101_32x8d-8ba56ff5.pth', '8ba56ff5'],
    ['https://x/a-b/vit-base-0123456789ABcdef.pth.tar?download=1', '0123456789abcdef'],
    ['https://x/resnet50-1234567.pth', undefined],
    ['https://x/resnet50_a1_0-14fe96d1.pth', '14fe96d1'],
    ['https://x/model.safetensors', undefined],
    ['https://x/deadbeef12-notahash.pth', undefined],
  ])('%s → %s', (url, prefix) => {
    expect(hashPrefixOf(url)).toBe(prefix);
  });
});

describe('progress bar', () => {
  it('draws checkpoints done, bytes and rate on a terminal, and nothing elsewhere', () => {
    const written: string[] = [];
    let t = 0;
    const bar = new DownloadProgress({ isTTY: true, write: (s: string) => written.push(s) }, 2, () => t);
    t = 2000;
    bar.add(3_000_000);
    bar.finishOne();
    expect(written.at(-1)).toBe('\r\x1b[Kmilint: verifying weights 1/2  3.00 MB  1.50 MB/s');
    bar.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
    const silent: string[] = [];
    const off = new DownloadProgress({ isTTY: false, write: (s: string) => silent.push(s) }, 1);
    off.add(10);
    off.finishOne();
    off.clear();
    expect(silent).toEqual([]);
  });

  it.each([[999, '999 B'], [1500, '1.50 kB'], [12_345_678, '12.3 MB'], [987_654_321_000, '988 GB']])('formatBytes(%d) = %s', (n, s) => {
    expect(formatBytes(n)).toBe(s);
  });
});
