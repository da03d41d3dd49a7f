import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const RULES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'rules');
export const CASE = /\.(md|markdown|mdx|ya?ml|json)$/;

/** The top-level case files of a fixture folder. */
export function cases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && CASE.test(e.name) && !e.name.endsWith('.expected.json'))
    .map((e) => e.name).sort();
}

/** Rules whose problem cannot be put in a static fixture, with the test that covers them. */
export const FIXTURE_EXEMPT: Record<string, string> = {
  'file/unreadable': 'a file that vanishes or cannot be read after discovery: test/resolve/load-file.test.ts',
};

