/**
 * `--check-urls` against a server on 127.0.0.1: every kind of answer the checks tell apart, each
 * finding checked at the line and column of its link.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { onlineChecks, type OnlineResult } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE, type OnlineOptions } from '../../src/online/options.js';
import { rules } from '../../src/rules/index.js';
import { ANSWERED_TIMEOUT_MS, startServer, TEST_CA, type TestServer } from '../helpers/http-server.js';
import { modelPage, positionOf, type PageModel } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';

const ONLINE = new Set(rules.filter((r) => r.meta.stage === 'online').map((r) => r.meta.id));
const SHA_MISSING = 'a'.repeat(40);
const SHA_KNOWN = 'b'.repeat(40);

let server: TestServer;
const held: ServerResponse[] = [];
const hits = new Map<string, number>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  const send = (status: number, headers: Record<string, string | number> = {}, body = ''): void => { res.writeHead(status, headers); res.end(req.method === 'HEAD' ? undefined : body); };
  const to = (status: number, location: string): void => send(status, { location });
  switch (path) {
    case '/sized.pth': return send(200, { 'content-length': 1234 }, 'x'.repeat(1234));
    case '/wrong-size.pth': return send(200, { 'content-length': 999 }, 'x'.repeat(999));
    case '/chunked.pth': res.writeHead(200, { 'transfer-encoding': 'chunked' }); if (req.method !== 'HEAD') res.write('xyz'); return void res.end();
    case '/plain': return send(200, { 'content-length': 2 }, 'ok');
    case '/perm-a': return to(301, '/perm-b');
    case '/perm-b': return to(302, '/plain');
    case '/p308-a': return to(308, `${server.origin}/p308-b`);
    case '/p308-b': return to(308, '/plain');
    case '/temp': return to(302, '/plain');
    case '/loop': return to(302, '/loop');
    case '/gone404': return send(404);
    case '/gone410': return send(410);
    case '/limited': return n === 1 ? send(429, { 'retry-after': '1' }) : send(200, { 'content-length': 2 }, 'ok');
    case '/flaky': return n === 1 ? send(500) : send(200, { 'content-length': 2 }, 'ok');
    case '/busy': return send(503);
    case '/stall': held.push(res); return;
    case '/reset': req.socket.destroy(); return;
    case '/no-head.pth':
      if (req.method === 'HEAD') return send(405);
      return send(206, { 'content-range': 'bytes 0-0/1234', 'content-length': 1 }, 'x');
    case '/secure': return (req.socket as { encrypted?: boolean }).encrypted ? send(200, { 'content-length': 2 }, 'ok') : to(301, `https://${server.host}/secure`);
    case `/o/r/blob/${SHA_MISSING}/x.py`: return send(404);
    case `/o/r/commit/${SHA_MISSING}`: return send(404);
    case `/o/r/blob/${SHA_KNOWN}/y.py`: return send(404);
    case `/o/r/commit/${SHA_KNOWN}`: return send(200, { 'content-length': 2 }, 'ok');
    default: return send(404);
  }
}

beforeAll(async () => { server = await startServer(route); });
afterAll(async () => { for (const r of held) r.destroy(); await server.close(); });

export const testOptions = (extra: Partial<OnlineOptions> = {}): OnlineOptions => ({
  ...DEFAULT_ONLINE, checkUrls: true, timeoutMs: ANSWERED_TIMEOUT_MS, backoffMs: 5, maxRetryAfterMs: 2000,
  ca: TEST_CA, proxy: { noProxy: '*' }, githubHosts: [server.host], ...extra,
});

const fakeStderr = { isTTY: false, write: () => true };

/** Lints a page and runs the online checks over it; the online findings as rows. */
async function check(models: PageModel[], extra: Partial<OnlineOptions> = {}): Promise<{ page: string; rows: unknown[]; out: OnlineResult; dir: string }> {
  const page = modelPage(models);
  const dir = tmpTree({ 'page.md': page });
  const run = lintFiles({ patterns: ['.'], cwd: dir });
  const out = await onlineChecks(run, testOptions(extra), { stderr: fakeStderr, root: dir });
  const rows = out.results.flatMap((r) => r.diagnostics.filter((d) => ONLINE.has(d.ruleId)).map((d) => ({
    ruleId: d.ruleId, messageId: d.messageId, line: d.start.line, column: d.start.column, endColumn: d.end.column, data: d.data,
    ...(d.fix ? { fix: d.fix.text } : {}),
  })));
  return { page, rows, out, dir };
}

/** The expected row for a finding at `url` in `page`. */
function at(page: string, url: string, ruleId: string, messageId: string, data: Record<string, unknown>, fix?: string, from = 0): unknown {
  const p = positionOf(page, url, from);
  return { ruleId, messageId, line: p.line, column: p.column, endColumn: p.endColumn, data: expect.objectContaining(data), ...(fix ? { fix } : {}) };
}

describe('--check-urls', () => {
  it('accepts 200 with and without Content-Length, and a size that matches File Size', async () => {
    const o = server.origin;
    const { rows } = await check([
      { name: 'sized', weights: `${o}/sized.pth`, fileSize: 1234 },
      { name: 'chunked', weights: `${o}/chunked.pth`, fileSize: 1234 },
      { name: 'plain', code: `${o}/plain`, paper: `${o}/plain` },
    ]);
    expect(rows).toEqual([]);
  });

  it('reports a Content-Length that differs from File Size, with both figures', async () => {
    const url = `${server.origin}/wrong-size.pth`;
    const { page, rows } = await check([{ name: 'm', weights: url, fileSize: 1234 }]);
    expect(rows).toEqual([at(page, url, 'weights/size-mismatch', 'differs', { expected: '1234', actual: 999, how: 'Content-Length' })]);
  });

  it('follows 301/302/308 chains: a permanent redirect is reported with the new address as its fix, a temporary one is not', async () => {
    const o = server.origin;
    const { page, rows } = await check([
      { name: 'a', code: `${o}/perm-a` },
      { name: 'b', weights: `${o}/p308-a` },
      { name: 'c', code: `${o}/temp` },
    ]);
    expect(rows).toEqual([
      at(page, `${o}/perm-a`, 'url/moved', 'permanent', { status: 301, target: `${o}/perm-b` }, `${o}/perm-b`),
      at(page, `${o}/p308-a`, 'url/moved', 'permanent', { status: 308, target: `${o}/plain` }, `${o}/plain`),
    ]);
  });

  it('reports an http link that redirects to itself on https as fixable', async () => {
    const url = `${server.origin}/secure`;
    const { page, rows } = await check([{ name: 'm', paper: url }]);
    const secure = `https://${server.host}/secure`;
    expect(rows).toEqual([at(page, url, 'url/https-redirect', 'upgrade', { target: secure }, secure)]);
  });

  it('reports 404 and 410 as dead links, and a redirect loop as unreachable', async () => {
    const o = server.origin;
    const { page, rows } = await check([
      { name: 'a', weights: `${o}/gone404` },
      { name: 'b', weights: `${o}/gone410` },
      { name: 'c', code: `${o}/loop` },
    ]);
    expect(rows).toEqual([
      at(page, `${o}/gone404`, 'url/dead-link', 'gone', { status: 404 }),
      at(page, `${o}/gone410`, 'url/dead-link', 'gone', { status: 410 }),
      at(page, `${o}/loop`, 'url/unreachable', 'redirects', { max: 5 }),
    ]);
  });

  it('retries a 429 after its Retry-After and a 500, and reports a server that stays busy', async () => {
    const o = server.origin;
    hits.clear();
    const { page, rows } = await check([
      { name: 'a', code: `${o}/limited` },
      { name: 'b', code: `${o}/flaky` },
      { name: 'c', code: `${o}/busy` },
    ]);
    expect(rows).toEqual([at(page, `${o}/busy`, 'url/unreachable', 'status', { status: 503, attempts: 3 })]);
    expect(hits.get('/limited')).toBe(2);
    expect(hits.get('/flaky')).toBe(2);
    expect(hits.get('/busy')).toBe(3);
  });

  it('reports a server that stalls (timeout) and one that resets the connection as unreachable', async () => {
    const o = server.origin;
    // Only the stalling server gets a short timeout (a loaded machine may take longer to answer the others).
    const stalled = await check([{ name: 'a', code: `${o}/stall` }], { timeoutMs: 300 });
    expect(stalled.rows).toEqual([at(stalled.page, `${o}/stall`, 'url/unreachable', 'timeout', { seconds: 0.3 })]);
    hits.clear();
    const reset = await check([{ name: 'b', code: `${o}/reset` }]);
    expect(reset.rows).toEqual([at(reset.page, `${o}/reset`, 'url/unreachable', 'network', { reason: 'connection reset' })]);
    expect(hits.get('/reset')).toBe(3);
  });

  it('asks with a ranged GET where HEAD is refused (405), and reads the size from Content-Range', async () => {
    const url = `${server.origin}/no-head.pth`;
    const before = server.seen.length;
    const { page, rows } = await check([{ name: 'a', weights: url, fileSize: 1234 }, { name: 'b', weights: url, fileSize: 2000 }]);
    // The same link twice: the one whose File Size differs is reported.
    expect(rows).toEqual([at(page, url, 'weights/size-mismatch', 'differs', { expected: '2000', actual: 1234 }, undefined, page.indexOf('Name: b'))]);
    const asked = server.seen.slice(before).map((s) => `${s.method} ${s.headers.range ?? ''}`);
    expect(asked).toEqual(['HEAD ', 'GET bytes=0-0']);
  });

  it('tells a GitHub link whose commit does not exist from one whose file is missing', async () => {
    const o = server.origin;
    const { page, rows } = await check([
      { name: 'a', code: `${o}/o/r/blob/${SHA_MISSING}/x.py` },
      { name: 'b', code: `${o}/o/r/blob/${SHA_KNOWN}/y.py` },
    ]);
    expect(rows).toEqual([
      at(page, `${o}/o/r/blob/${SHA_MISSING}/x.py`, 'url/commit-not-found', 'missing', { ref: SHA_MISSING, repo: 'o/r' }),
      at(page, `${o}/o/r/blob/${SHA_KNOWN}/y.py`, 'url/dead-link', 'gone', { status: 404 }),
    ]);
  });

  it('names milint and its version in the User-Agent', async () => {
    const before = server.seen.length;
    await check([{ name: 'a', code: `${server.origin}/plain?ua` }]);
    expect(server.seen.slice(before).map((s) => s.headers['user-agent'])).toEqual([expect.stringMatching(/^milint\/\d+\.\d+\.\d+ /)]);
  });
});
