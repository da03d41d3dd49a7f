import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const RULES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'rules');
export const CASE = /\.(md|markdown|mdx|ya?ml|json)$/;

/**
 * The cases of a fixture folder: its top-level files (each linted alone), and its sub-folders whose
 * name ends in `.case` (each linted as a folder, for rules about several files).
 */
export function cases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isFile() ? CASE.test(e.name) && !e.name.endsWith('.expected.json') && !/\.fixed\.[^.]+$/.test(e.name) : e.name.endsWith('.case')))
    .map((e) => e.name).sort();
}

/** The expectation file of a case. */
export function expectedFile(dir: string, name: string): string {
  return join(dir, `${name.replace(CASE, '').replace(/\.case$/, '')}.expected.json`);
}

/** Rules whose problem cannot be put in a static fixture, with the test that covers them. */
export const FIXTURE_EXEMPT: Record<string, string> = {
  'file/unreadable': 'a file that vanishes or cannot be read after discovery: test/resolve/load-file.test.ts',
  'file/fix-failed': 'reported by --fix only (a fix that would break the YAML, a file changed on disk): test/fix/fix.test.ts',
  'file/internal-error': 'needs a rule that crashes: test/hostile.test.ts',
  'url/commit-not-found': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'url/dead-link': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'url/https-redirect': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'url/moved': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'url/unreachable': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'weights/hash-mismatch': 'reported by --verify-weights against a server: test/online/verify-weights.test.ts',
  'weights/size-mismatch': 'reported by --check-urls against a server: test/online/check-urls.test.ts',
  'weights/unverified': 'reported by --verify-weights against a server: test/online/verify-weights.test.ts',
  'import/limit': 'needs more imports than a fixture should hold (or a lower --max-imports): test/hostile.test.ts',
};

