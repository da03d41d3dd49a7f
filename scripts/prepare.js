// npm's `prepare`: builds dist/ for installs from a clone (`npm install`, `npm link`, `npm install -g .`),
// from a git URL, for `npm pack` and for pre-commit's `language: node`. It writes nothing on stdout:
// `npm pack` prints the tarball's name there and tools read it (pre-commit takes all of it as the name).
// `npm install -g .` runs it before any dependency is installed, so it installs the build tools first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const toStderr = { cwd: root, stdio: ['ignore', 2, 2] };

function resolves(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, options = toStderr) {
  const result = spawnSync(command, args, options);
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(`milint prepare: ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
}

/** Modification time of a file (0: missing). */
const mtime = (p) => { try { return statSync(p).mtimeMs; } catch { return 0; } };

// dist/ newer than every input: nothing to build (`npm pack` right after `npm install`, as pre-commit does).
const inputs = [...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join(root, 'src', f)),
  ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle.js', 'scripts/prepare.js'].map((f) => join(root, f))];
const built = Math.min(mtime(join(root, 'dist', 'index.js')), mtime(join(root, 'dist', 'bundle', 'main.js')));
if (built > 0 && inputs.every((f) => mtime(f) < built)) process.exit(0);

if (!resolves('typescript') || !resolves('esbuild')) {
  // A global install (`-g .`) or an install that omits devDependencies: fetch them into this folder.
  // Only settings about where to fetch from pass on; `global`, `prefix`, `omit` would send it elsewhere.
  const keep = /^npm_config_(cache|userconfig|registry|proxy|https_proxy|noproxy|strict_ssl|cafile|ca|offline|prefer_offline)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k) || keep.test(k)));
  process.stderr.write('milint prepare: installing the build tools (devDependencies)\n');
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  // --ignore-scripts: this script is the package's own `prepare`; it must not run itself again.
  run(npm[0], [...npm[1], 'install', '--include=dev', '--include=prod', '--no-save', '--ignore-scripts',
    '--no-audit', '--no-fund', '--loglevel=error'], { ...toStderr, env });
}

run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'scripts', 'bundle.js')]);
