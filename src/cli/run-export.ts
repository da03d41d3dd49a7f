import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { lintFiles } from '../lint/lint.js';
import { exportIndex } from '../model/export.js';

/**
 * `milint export [root]`: a folder that holds a root `model-index.yml` (or `.yaml`, `.json`) is read
 * from that file, as the reference library loads a folder; any other path is linted as given.
 */
export function runExport(root: string, opts: { format: 'json' | 'yaml'; rootDir?: string; allowOutsideRoot?: boolean }): string {
  const cwd = process.cwd();
  const abs = resolve(cwd, root);
  let pattern = root;
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    const index = ['model-index.yml', 'model-index.yaml', 'model-index.json'].map((f) => join(abs, f)).find((f) => existsSync(f));
    if (index) pattern = index;
  }
  const run = lintFiles({
    patterns: [pattern], cwd,
    ...(opts.rootDir ? { rootDir: opts.rootDir } : {}), ...(opts.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
  });
  const exported = exportIndex(run.index, cwd);
  return opts.format === 'yaml' ? stringify(exported) : `${JSON.stringify(exported, null, 2)}\n`;
}
