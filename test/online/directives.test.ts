/**
 * Inline directives cover the online rules too: a `milint-disable-next-line url/dead-link` silences
 * the dead link below it when the links are checked, and is not called unused when they are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint.js';
import { onlineChecks } from '../../src/online/run-online.js';
import { DEFAULT_ONLINE } from '../../src/online/options.js';
import { ANSWERED_TIMEOUT_MS, startServer, type TestServer } from '../helpers/http-server.js';
import { tmpTree } from '../helpers/tmp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => { res.writeHead(req.url?.startsWith('/gone') ? 404 : 200); res.end(); });
});
afterAll(() => server.close());

const page = (origin: string): string => `# Zoo

<!--
Type: model-index
Models:
- Name: a
  # milint-disable-next-line url/dead-link -- the old host, kept for the record
  Code: ${origin}/gone-a
- Name: b
  Code: ${origin}/gone-b
# milint-disable url/dead-link
- Name: c
  Code: ${origin}/gone-c
-->
`;

const rows = (results: { diagnostics: readonly { start: { line: number }; ruleId: string }[] }[]): string[] =>
  results.flatMap((r) => r.diagnostics.map((d) => `${d.start.line} ${d.ruleId}`));

describe('directives and the online rules', () => {
  it('silence an online finding they cover, and only that one', async () => {
    const dir = tmpTree({ 'page.md': page(server.origin) });
    const run = lintFiles({ patterns: ['.'], cwd: dir, config: false });
    const out = await onlineChecks(run, {
      ...DEFAULT_ONLINE, checkUrls: true, timeoutMs: ANSWERED_TIMEOUT_MS, backoffMs: 1, retries: 0, proxy: { noProxy: '*' },
      cacheDir: `${dir}/cache`,
    }, { stderr: { isTTY: false, write: () => true }, root: dir });
    expect(rows(out.results).filter((r) => r.endsWith('url/dead-link'))).toEqual(['10 url/dead-link']);
    expect(rows(out.results).filter((r) => r.endsWith('file/unused-disable'))).toEqual([]);
  });

  it('that name an online rule are not unused in a run that does not check links', () => {
    const dir = tmpTree({ 'page.md': page('https://example.invalid') });
    const run = lintFiles({ patterns: ['.'], cwd: dir, config: false });
    expect(rows(run.results).filter((r) => r.endsWith('file/unused-disable'))).toEqual([]);
  });
});
