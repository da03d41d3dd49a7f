// The floor for the benchmark: read every file, cut out the model-index comments (plain string
// search), and js-yaml load each block. No positions, no checks. Prints nothing but its stats.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

let blocks = 0;
for (const file of walk(process.argv[2])) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) { jsYaml.load(text); blocks++; continue; }
  let at = 0;
  for (;;) {
    const start = text.indexOf('<!--', at);
    if (start === -1) break;
    const end = text.indexOf('-->', start + 4);
    if (end === -1) break;
    const body = text.slice(start + 4, end);
    if (/^\s*Type:\s*model-index/m.test(body)) { jsYaml.load(body); blocks++; }
    at = end + 3;
  }
}
if (blocks === 0) process.exitCode = 1;
