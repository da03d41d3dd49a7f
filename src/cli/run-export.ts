import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, visit } from 'yaml';
import { safeJson } from '../io/sanitize.js';
import { lintFiles } from '../lint/lint.js';
import { exportIndex } from '../model/export.js';
import { compact } from '../format/compact.js';
import type { FileResult } from '../types.js';

/**
 * Problems after which the export lacks data: a block or file that could not be read, an import
 * not followed. They are reported whatever the configuration says of these rules.
 */
const LOSSES = ['yaml/syntax', 'yaml/resource-limit', 'file/binary', 'file/unreadable', 'file/unterminated-block',
  'import/not-found', 'import/limit', 'import/outside-root', 'import/unsupported-type', 'import/cycle'];

export interface Exported {
  readonly text: string;
  /** What could not be read, one `file:line:col: severity message [rule]` line each (empty: nothing). */
  readonly losses: string;
  readonly lossCount: number;
}

/**
 * `milint export [root]`: a folder that holds a root `model-index.yml` (or `.yaml`, `.json`) is read
 * from that file, as the reference library loads a folder; any other path is linted as given.
 */
export function runExport(root: string, opts: { format: 'json' | 'yaml'; rootDir?: string; allowOutsideRoot?: boolean }): Exported {
  const cwd = process.cwd();
  const abs = resolve(cwd, root);
  let pattern = root;
  if (existsSync(abs) && statSync(abs).isDirectory()) {
    const index = ['model-index.yml', 'model-index.yaml', 'model-index.json'].map((f) => join(abs, f)).find((f) => existsSync(f));
    if (index) pattern = index;
  }
  const run = lintFiles({
    patterns: [pattern], cwd, ruleFlags: LOSSES.map((id) => `${id}: error`),
    ...(opts.rootDir ? { rootDir: opts.rootDir } : {}), ...(opts.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
  });
  const exported = exportIndex(run.index, cwd);
  const text = opts.format === 'yaml' ? safeYaml(exported) : `${safeJson(JSON.stringify(exported, null, 2))}\n`;
  const lost: FileResult[] = run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => LOSSES.includes(d.ruleId)) }));
  const lossCount = lost.reduce((n, r) => n + r.diagnostics.length, 0);
  return { text, losses: compact(lost, { cwd }), lossCount };
}

/** DEL, C1 and bidi controls, which `yaml` leaves raw even in double-quoted scalars. */
// Line breaks too: a block scalar's lines could start with `::`; and `##[`, which safeJson escapes.
const UNSAFE = /[\n\r\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|##\[/;

/**
 * YAML text of a value in which control and bidi characters from the files are `\u` escapes:
 * every scalar that holds one is written double-quoted (keys too), where such escapes are valid,
 * so replacing the characters leaves the value as it was.
 */
function safeYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    // Keys are scalars too: the visitor reaches them.
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return safeJson(doc.toString());
}
