/**
 * `--fix` and `--fix-dry-run` with `--check-urls`, end to end through the built CLI: what is
 * reported after the online fixes is what a plain run on the fixed files reports, and a moved
 * Weights link that now names another model's checkpoint says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milintAsync, startServer, type TestServer } from '../helpers/http-server.js';
import { modelPage, positionOf } from '../helpers/model-page.js';
import { tmpTree } from '../helpers/tmp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/old/resnet50.pth') res.writeHead(301, { location: '/hub/resnet101.pth' });
    else if (req.url === '/old-paper') res.writeHead(301, { location: '/new-paper' });
    else if (req.url === '/gone') res.writeHead(404);
    else res.writeHead(200, { 'content-length': 10 });
    res.end();
  });
});
afterAll(async () => { await server.close(); });

const noProxy = { NO_PROXY: '*' };
const page = () => modelPage([
  { name: 'resnet50', weights: `${server.origin}/old/resnet50.pth`, fileSize: 10 },
  { name: 'resnet101', weights: `${server.origin}/hub/resnet101.pth`, fileSize: 10 },
  { name: 'c', code: `${server.origin}/gone`, paper: `${server.origin}/old-paper` },
]);
/** The findings of a compact report (without the diff of a dry run). */
const findings = (stdout: string): string[] => stdout.split('\n').filter((l) => /^[a-z]+\.md:\d+:\d+: /.test(l));

describe('online fixes (CLI)', () => {
  it('notes a moved Weights link whose new file is another model\'s checkpoint', async () => {
    const text = page();
    const dir = tmpTree({ 'page.md': text });
    const r = await milintAsync(['-f', 'compact', '--check-urls', 'page.md'], dir, noProxy);
    const old = `${server.origin}/old/resnet50.pth`;
    const p = positionOf(text, old);
    expect(findings(r.stdout)).toContain(`page.md:${p.line}:${p.column}: warning Weights link "${old}" has moved permanently (301) to "${server.origin}/hub/resnet101.pth"; link the new address. `
      + 'Note: the new file name matches model "resnet101" better than this one; check that it is the right checkpoint. [url/moved]');
  });

  it('--fix reports what a plain run on the fixed files reports (a new weights/name-mismatch included)', async () => {
    const dir = tmpTree({ 'page.md': page() });
    const fixed = await milintAsync(['-f', 'compact', '--fix', '--check-urls', 'page.md'], dir, noProxy);
    const after = readFileSync(join(dir, 'page.md'), 'utf8');
    expect(after).toContain(`Weights: ${server.origin}/hub/resnet101.pth\n- Name: resnet101`);
    expect(after).toContain(`URL: ${server.origin}/new-paper`);
    const plain = await milintAsync(['-f', 'compact', '--check-urls', 'page.md'], dir, noProxy);
    expect(findings(plain.stdout).some((l) => l.endsWith('[weights/name-mismatch]'))).toBe(true);
    expect(findings(plain.stdout).some((l) => l.endsWith('[url/moved]'))).toBe(false);
    expect(fixed.stdout).toBe(plain.stdout);
    expect(fixed.code).toBe(plain.code);
  });

  it('--fix-dry-run lists as remaining only what its diffs leave (the other fixes\' too): the same as --fix', async () => {
    // Padded names: offline fixes, in the first diff (one in a file without online fixes).
    const text = page().replace('- Name: c', '- Name: "c "');
    const other = '<!--\nType: model-index\nModels:\n- Name: "d "\n-->\n';
    const dir = tmpTree({ 'page.md': text, 'other.md': other });
    const dry = await milintAsync(['-f', 'compact', '--fix-dry-run', '--check-urls', 'page.md', 'other.md'], dir, noProxy);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(text);
    expect(dry.stdout).toContain(`-    URL: ${server.origin}/old-paper\n+    URL: ${server.origin}/new-paper\n`);
    expect(dry.stdout).toContain('-- Name: "c "\n+- Name: "c"\n');
    expect(findings(dry.stdout).some((l) => l.endsWith('[url/moved]'))).toBe(false);
    expect(dry.stdout).toContain('-- Name: "d "\n+- Name: "d"\n');
    const fixed = await milintAsync(['-f', 'compact', '--fix', '--check-urls', 'page.md', 'other.md'], dir, noProxy);
    expect(readFileSync(join(dir, 'other.md'), 'utf8')).toContain('- Name: "d"\n');
    expect(findings(dry.stdout)).toEqual(findings(fixed.stdout));
    expect(findings(dry.stdout).some((l) => l.endsWith('[url/dead-link]'))).toBe(true);
    expect(dry.code).toBe(fixed.code);
  });
});
