/**
 * The pieces of the online checks that need no server: Retry-After, error kinds (a DNS failure
 * cannot be provoked without a resolver), GitHub commit links, flags, the limiter's bounds.
 */
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/online/probe.js';
import { NetError, toNetError } from '../../src/online/http.js';
import { githubCommit } from '../../src/online/answers.js';
import { parseDuration, parseSize } from '../../src/online/options.js';
import { Limiter } from '../../src/online/limiter.js';
import { findingsFor, sameSize } from '../../src/online/findings.js';
import { summaryLine } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE } from '../../src/online/options.js';
import { targetsOf } from '../../src/online/targets.js';
import { lintTree } from '../helpers/tmp.js';
import { modelPage, positionOf } from '../helpers/model-page.js';

describe('retryDelay', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [undefined, 500],
    ['2', 2000],
    ['120', 30_000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', 500],
  ])('Retry-After %s → %d ms (backoff 500, cap 30 s)', (header, ms) => {
    expect(retryDelay(header, 500, 30_000, now)).toBe(ms);
  });
});

describe('toNetError', () => {
  const err = (code: string, nested = false): Error => {
    const e = Object.assign(new Error('x'), { code });
    return nested ? new TypeError('fetch failed', { cause: e }) : e;
  };
  it.each([
    ['ENOTFOUND', 'dns'], ['UND_ERR_HEADERS_TIMEOUT', 'timeout'], ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ECONNRESET', 'reset'], ['UND_ERR_SOCKET', 'reset'], ['ECONNREFUSED', 'refused'], ['EAI_AGAIN', 'other'],
  ])('%s → %s (also as a cause)', (code, kind) => {
    expect(toNetError(err(code)).kind).toBe(kind);
    expect(toNetError(err(code, true)).kind).toBe(kind);
  });
});

describe('a DNS failure', () => {
  it('is a dead link, at the link, naming the host', () => {
    const url = 'https://no-such-host.invalid/w.pth';
    const run = lintTree({ 'page.md': modelPage([{ name: 'a', weights: url }]) });
    const [t] = targetsOf(run.index);
    const e = toNetError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(e).toBeInstanceOf(NetError);
    const [r] = findingsFor(t!, { kind: 'net', net: e.kind, reason: e.message, hops: [] }, { timeoutMs: 1000 });
    const text = modelPage([{ name: 'a', weights: url }]);
    expect(r).toMatchObject({ ruleId: 'url/dead-link', messageId: 'dns', data: { host: 'no-such-host.invalid' } });
    expect(r!.file.lines.position(r!.span.start)).toEqual({ line: positionOf(text, url).line, column: positionOf(text, url).column });
  });
});

describe('targetsOf', () => {
  it('takes Weights, Code, Paper (URL), Training Log and a model card\'s source.url; not titles, relative paths or other fields', () => {
    const card = ['---', 'model-index:', '- name: m', '  results:', '  - task: {type: t}', '    dataset: {type: d, name: D}',
      '    metrics: [{type: acc, value: 1}]', '    source:', '      name: Leaderboard', '      url: https://example.org/board', '---', ''].join('\n');
    const run = lintTree({
      'page.md': modelPage([{ name: 'a', weights: 'https://x/w.pth', code: 'https://x/code', paper: 'https://x/paper', trainingLog: 'https://x/log', fileSize: '97.8 MB' }]),
      'README.md': card,
    });
    const source = targetsOf(run.index)[0]!;
    const [r] = findingsFor(source, { kind: 'status', status: 404, hops: [], attempts: 1 }, { timeoutMs: 1 });
    expect(r!.file.lines.position(r!.span.start)).toEqual({ line: 10, column: 12 });
    expect(targetsOf(run.index).map((t) => `${t.field} ${t.url} ${t.fileSize ? `${t.fileSize.bytes}${t.fileSize.rounded ? '~' : ''}` : ''}`.trim())).toEqual([
      'source.url https://example.org/board',
      'Weights https://x/w.pth 97800000~', 'Code https://x/code', 'Paper https://x/paper', 'Training Log https://x/log',
    ]);
  });
});

describe('sameSize', () => {
  it.each([
    [1234, 1234, false, true], [1234, 1235, false, false],
    [97.8e6, 97.8e6 * 1.004, true, true], [97.8e6, 97.8 * 1024 ** 2, true, true], [97.8e6, 90e6, true, false],
  ])('%d vs %d (unit: %s) → %s', (a, b, rounded, same) => {
    expect(sameSize(a, b, rounded)).toBe(same);
  });
});

describe('githubCommit', () => {
  const hosts = ['github.com'];
  it('names the commit page of a blob or tree link pinned to a sha', () => {
    expect(githubCommit(`https://github.com/o/r/blob/${'c'.repeat(40)}/a/b.py#L3`, hosts))
      .toEqual({ url: `https://github.com/o/r/commit/${'c'.repeat(40)}`, ref: 'c'.repeat(40), repo: 'o/r' });
    expect(githubCommit('https://github.com/o/r/tree/abc1234', hosts)?.ref).toBe('abc1234');
  });
  it.each(['https://github.com/o/r/blob/master/x.py', 'https://gitlab.com/o/r/blob/abc1234/x.py', 'https://github.com/o/r/releases/download/v1/x.pth'])('ignores %s', (url) => {
    expect(githubCommit(url, hosts)).toBeUndefined();
  });
});

describe('flags', () => {
  it.each([['0', 0], ['90', 90_000], ['90s', 90_000], ['30m', 1_800_000], ['12h', 43_200_000], ['1d', 86_400_000], ['500ms', 500], ['1 day', undefined], ['-1s', undefined]])('duration %s → %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each([['500000', 500_000], ['500MB', 500e6], ['2GiB', 2 * 1024 ** 3], ['1.5 kb', 1500], ['0', undefined], ['lots', undefined]])('size %s → %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('Limiter', () => {
  it('keeps at most perHost requests per host and total overall in flight', async () => {
    const limiter = new Limiter(2, 3);
    const inFlight = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxHost = new Map<string, number>();
    const task = (host: string) => limiter.run(host, async () => {
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      total++;
      maxTotal = Math.max(maxTotal, total);
      maxHost.set(host, Math.max(maxHost.get(host) ?? 0, inFlight.get(host)!));
      await new Promise((r) => setImmediate(r));
      inFlight.set(host, inFlight.get(host)! - 1);
      total--;
    });
    await Promise.all([...Array(10)].flatMap((_, i) => [task('a'), task(i % 2 ? 'b' : 'c')]));
    expect(maxTotal).toBe(3);
    expect(Math.max(...maxHost.values())).toBe(2);
  });
});

describe('summaryLine', () => {
  it('gives requests, cached answers and time, and what --verify-weights did', () => {
    const stats = { links: 272, requests: 0, cached: 272, unknown: 0, invalid: 0, verified: 3, downloaded: 1, downloadedBytes: 1234, tooLarge: [] as string[], failed: 0 };
    expect(summaryLine(stats, { ...DEFAULT_ONLINE, checkUrls: true }, 1234)).toBe('milint: 272 links checked: 0 requests, 272 cached answers; 1.2 s');
    expect(summaryLine({ ...stats, links: 1, requests: 1, cached: 1 }, { ...DEFAULT_ONLINE, verifyWeights: true }, 50))
      .toBe('milint: 1 link checked: 1 request, 1 cached answer; 3 checkpoints verified, 1 downloaded (1234 bytes); 0.1 s');
    expect(summaryLine({ ...stats, verified: 0, downloaded: 0, downloadedBytes: 0, tooLarge: ['a.pth', 'b.pth'], failed: 1 }, { ...DEFAULT_ONLINE, verifyWeights: true, maxDownloadBytes: 1000 }, 50))
      .toBe('milint: 272 links checked: 0 requests, 272 cached answers; 0 checkpoints verified, 0 downloaded (0 bytes); 2 over the 1000-byte cap, not verified: a.pth, b.pth; 1 download failed; 0.1 s');
  });
});
