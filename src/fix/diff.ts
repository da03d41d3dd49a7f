import { createTwoFilesPatch } from 'diff';
import type { FixedFile } from './fix-files.js';
import { repoPath } from '../format/paths.js';

/** A unified diff (git style, three lines of context) of every fixed file. */
export function unifiedDiff(fixed: readonly FixedFile[], cwd: string): string {
  return fixed
    .map((f) => {
      const p = repoPath(f.path, cwd);
      return createTwoFilesPatch(`a/${p}`, `b/${p}`, f.before, f.after, undefined, undefined, { context: 3 })
        .replace(/^(Index: .*\n)?=+\n/, '');
    })
    .join('');
}
