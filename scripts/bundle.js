// Bundles the CLI (after tsc) into dist/bundle/: one small entry with commander, and chunks that
// load when a command runs. Loading hundreds of ES modules one by one costs ~200 ms at start-up;
// the bundle loads in a fraction of that. The library (dist/index.js) stays plain tsc output.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true });

await build({
  // The lint worker is an entry of its own: worker threads start from a file.
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js'), 'lint-worker': join(root, 'dist', 'parallel', 'lint-worker.js') },
  outdir: join(root, 'dist', 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __MILINT_VERSION__: JSON.stringify(version) },
  // CommonJS dependencies call require(); give the ESM chunks one.
  banner: { js: "import { createRequire as __milintRequire } from 'node:module'; const require = __milintRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
