/**
 * What the online checks report, in plain words and without gaps: a Retry-After too long to wait
 * for, redirects nowhere, TLS errors, links with spaces or non-ASCII, Training Log links, links
 * an offline run could not answer. Against servers on 127.0.0.1.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { onlineChecks } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE, type OnlineOptions } from '../../src/online/options.js';
import { rules } from '../../src/rules/index.js';
import { ANSWERED_TIMEOUT_MS, startServer, TEST_CA, type TestServer } from '../helpers/http-server.js';
import { modelPage, positionOf } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';

const ONLINE = new Set(rules.filter((r) => r.meta.stage === 'online').map((r) => r.meta.id));
let server: TestServer;
let plainOnly: http.Server;
let plainOrigin: string;
const hits = new Map<string, number>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const send = (status: number, headers: Record<string, string | number> = {}): void => { res.writeHead(status, headers); res.end(); };
  switch (path) {
    case '/slow-down': return send(429, { 'retry-after': '3600' });
    case '/to-ftp': return send(301, { location: 'ftp://files.example.org/model.pth' });
    case '/no-location': return send(301);
    case '/big-a.pth': case '/big-b.pth': res.writeHead(200, { 'content-length': 2000 }); return void res.end(req.method === 'HEAD' ? undefined : 'x'.repeat(2000));
    case '/configs/my%20config.py': case '/configs/r%C3%A9sum%C3%A9.py': return send(200, { 'content-length': 2 });
    case '/weights-ok.pth': return send(200, { 'content-length': 0 });
    default: return send(404);
  }
}

beforeAll(async () => {
  server = await startServer(route);
  plainOnly = http.createServer((_req, res) => { res.writeHead(200); res.end(); });
  await new Promise<void>((r) => plainOnly.listen(0, '127.0.0.1', r));
  plainOrigin = `127.0.0.1:${(plainOnly.address() as AddressInfo).port}`;
});
afterAll(async () => { await server.close(); await new Promise((r) => plainOnly.close(r)); });

const options = (extra: Partial<OnlineOptions> = {}): OnlineOptions => ({
  ...DEFAULT_ONLINE, checkUrls: true, timeoutMs: ANSWERED_TIMEOUT_MS, backoffMs: 5, maxRetryAfterMs: 2000,
  ca: TEST_CA, proxy: { noProxy: '*' }, githubHosts: [], ...extra,
});

/** The online findings of a page (text given), with their messages. */
async function check(page: string, extra: Partial<OnlineOptions> = {}) {
  const dir = tmpTree({ 'page.md': page });
  const run = lintFiles({ patterns: ['.'], cwd: dir });
  const out = await onlineChecks(run, options(extra), { stderr: { isTTY: false, write: () => true }, root: dir });
  const rows = out.results.flatMap((r) => r.diagnostics.filter((d) => ONLINE.has(d.ruleId))
    .map((d) => ({ ruleId: d.ruleId, line: d.start.line, column: d.start.column, message: d.message })));
  return { rows, out };
}

const row = (page: string, url: string, ruleId: string, message: string) => {
  const p = positionOf(page, url);
  return { ruleId, line: p.line, column: p.column, message };
};

describe('online reports in plain words', () => {
  it('gives up at once on a 429 whose Retry-After is longer than the wait allowed, and says why', async () => {
    const url = `${server.origin}/slow-down`;
    const page = modelPage([{ name: 'a', code: url }]);
    hits.delete('/slow-down');
    const { rows } = await check(page);
    expect(rows).toEqual([row(page, url, 'url/unreachable', `Code link "${url}" is rate-limited (429): the server asks to retry after 3600 s, longer than milint waits (2 s); not checked.`)]);
    expect(hits.get('/slow-down')).toBe(1);
  });

  it('says what went wrong without error codes: a redirect to ftp, a TLS error, a redirect without Location', async () => {
    const ftp = `${server.origin}/to-ftp`;
    const tls = `https://${plainOrigin}/x`;
    const none = `${server.origin}/no-location`;
    const page = modelPage([{ name: 'a', code: ftp }, { name: 'b', code: tls }, { name: 'c', code: none }]);
    const { rows, out } = await check(page);
    expect(rows).toEqual([
      row(page, ftp, 'url/unreachable', `Code link "${ftp}" could not be reached: it redirects to a non-web address (ftp:).`),
      row(page, tls, 'url/unreachable', `Code link "${tls}" could not be reached: the secure connection (TLS) failed.`),
      row(page, none, 'url/unreachable', `Code link "${none}" answered 301, a redirect without a Location header: there is no address to follow.`),
    ]);
    // The code stays in the data, for tools.
    const tlsFinding = out.results[0]!.diagnostics.find((d) => d.message.includes('TLS'));
    expect(tlsFinding?.data).toMatchObject({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
  });

  it('checks a link with a space or non-ASCII characters, encoded (WHATWG URL)', async () => {
    const o = server.origin;
    const page = [
      '<!--', 'Type: model-index', 'Models:',
      '- Name: a', `  Config: ${o}/configs/my config.py`,
      '- Name: b', `  Config: ${o}/configs/résumé.py`,
      '- Name: c', `  Config: ${o}/configs/other file.py`,
      '-->', '',
    ].join('\n');
    const before = server.seen.length;
    const { rows, out } = await check(page);
    expect(server.seen.slice(before).map((s) => s.url).sort()).toEqual(['/configs/my%20config.py', '/configs/other%20file.py', '/configs/r%C3%A9sum%C3%A9.py']);
    const dead = `${o}/configs/other file.py`;
    expect(rows).toEqual([row(page, dead, 'url/dead-link', `Config link "${dead}" is dead: the server answered 404.`)]);
    expect(out.summary).toMatch(/^milint: 3 links checked: 3 requests, 0 cached answers; /);
  });

  it('checks Training Log links at the entry and in its Metadata, both when an entry has both', async () => {
    const o = server.origin;
    const page = [
      '<!--', 'Type: model-index', 'Models:',
      '- Name: a', `  Training Log: ${o}/log-a.json`, '  Metadata:', `    Training Log: ${o}/log-a2.json`,
      '- Name: b', '  Metadata:', `    Training Log: ${o}/log-b.json`,
      '-->', '',
    ].join('\n');
    const { rows } = await check(page);
    expect(rows).toEqual([
      row(page, `${o}/log-a.json`, 'url/dead-link', `Training Log link "${o}/log-a.json" is dead: the server answered 404.`),
      row(page, `${o}/log-a2.json`, 'url/dead-link', `Training Log link "${o}/log-a2.json" is dead: the server answered 404.`),
      row(page, `${o}/log-b.json`, 'url/dead-link', `Training Log link "${o}/log-b.json" is dead: the server answered 404.`),
    ]);
  });

  it('--offline reports each link the cache cannot answer as a warning, not a silent pass', async () => {
    const url = `${server.origin}/never-asked`;
    const page = modelPage([{ name: 'a', code: url }]);
    const before = server.seen.length;
    const { rows, out } = await check(page, { offline: true, cacheDir: undefined });
    expect(server.seen.length).toBe(before);
    expect(rows).toEqual([row(page, url, 'url/unreachable', `Code link "${url}" was not checked: --offline answers from the URL cache, which has no answer for it.`)]);
    expect(out.results[0]!.diagnostics.find((d) => d.ruleId === 'url/unreachable')?.severity).toBe('warning');
  });

  it('--verify-weights counts only whole downloads, and names the checkpoints over the cap', async () => {
    const o = server.origin;
    const page = modelPage([{ name: 'a', weights: `${o}/big-a.pth`, fileSize: 2000 }, { name: 'b', weights: `${o}/big-b.pth`, fileSize: 2000 }]);
    const { rows, out } = await check(page, { checkUrls: false, verifyWeights: true, maxDownloadBytes: 1000 });
    expect(out.summary).toMatch(/; 0 checkpoints verified, 0 downloaded \(0 bytes\); 2 over the 1000-byte cap, not verified: big-a\.pth, big-b\.pth; \d+\.\d s$/);
    expect(rows.map((r) => r.ruleId)).toEqual(['weights/unverified', 'weights/unverified']);
  });

  it('--verify-weights --offline reports a checkpoint the cache knows no hash for', async () => {
    const url = `${server.origin}/weights-ok.pth`;
    const page = modelPage([{ name: 'a', weights: url }]);
    const dir = tmpTree({ 'page.md': page, 'cache/.keep': '' });
    const cacheDir = join(dir, 'cache');
    const run = () => lintFiles({ patterns: ['page.md'], cwd: dir });
    const io = { stderr: { isTTY: false, write: () => true }, root: dir };
    const ids = (out: Awaited<ReturnType<typeof onlineChecks>>) => out.results.flatMap((r) => r.diagnostics.filter((d) => ONLINE.has(d.ruleId)).map((d) => `${d.ruleId} ${d.messageId}`));
    // Nothing in the cache: the link itself was not answered.
    expect(ids(await onlineChecks(run(), options({ checkUrls: false, verifyWeights: true, offline: true, cacheDir }), io))).toEqual(['url/unreachable offline']);
    // The link's answer is in the cache, its hash is not.
    await onlineChecks(run(), options({ cacheDir }), io);
    const offline = await onlineChecks(run(), options({ checkUrls: false, verifyWeights: true, offline: true, cacheDir }), io);
    expect(offline.results[0]!.diagnostics.filter((d) => ONLINE.has(d.ruleId)).map((d) => d.message))
      .toEqual([`"${url}" was not verified: --offline answers from the cache, which has no hash for this file.`]);
  });

  it('does not ask for Weights written as a list (schema/invalid-value reports it; Weights is one URL)', async () => {
    const page = ['<!--', 'Type: model-index', 'Models:', '- Name: a', '  Weights:', `  - ${server.origin}/list-a.pth`, `  - ${server.origin}/list-b.pth`, '-->', ''].join('\n');
    const before = server.seen.length;
    const { rows, out } = await check(page);
    expect(server.seen.length).toBe(before);
    expect(rows).toEqual([]);
    expect(out.stats.links).toBe(0);
  });

  it('counts a link that no URL parser reads in the summary, as not checked', async () => {
    const page = ['<!--', 'Type: model-index', 'Models:', '- Name: a', '  Config: https://exa mple.com/x.py', '-->', ''].join('\n');
    const { rows, out } = await check(page);
    expect(rows).toEqual([]);
    expect(out.summary).toMatch(/^milint: 0 links checked: 0 requests, 0 cached answers, 1 link not checked \(not a valid URL\); /);
  });
});
