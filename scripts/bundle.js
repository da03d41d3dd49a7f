// Bundles the CLI (after tsc) into dist/bundle/: one small entry with commander, and chunks that
// load when a command runs. Loading hundreds of ES modules one by one costs ~200 ms at start-up;
// the bundle loads in a fraction of that. The library (dist/index.js) stays plain tsc output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true });

/** A digest of tsc's output (dist/, without the bundle): changes whenever the code does. */
function buildDigest() {
  const hash = createHash('sha1');
  const files = readdirSync(join(root, 'dist'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js') && !join(e.parentPath, e.name).includes(`${sep}bundle${sep}`))
    .map((e) => join(e.parentPath, e.name)).sort();
  for (const f of files) hash.update(f.slice(root.length)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

await build({
  // The workers are entries of their own: worker threads start from a file.
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js'), 'lint-worker': join(root, 'dist', 'engine', 'workers', 'lint-worker.js'),
    'hash-worker': join(root, 'dist', 'engine', 'workers', 'hash-worker.js') },
  outdir: join(root, 'dist', 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __MILINT_VERSION__: JSON.stringify(version), __MILINT_BUILD__: JSON.stringify(buildDigest()) },
  // CommonJS dependencies call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __milintRequire } from 'node:module'; const require = __milintRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
