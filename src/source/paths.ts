import { isAbsolute, relative } from 'node:path';

/** Whether a path lies inside a folder (both absolute). Pure: no file is looked at. */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Whether a path lies inside any of several folders. */
export function insideAny(roots: readonly string[], path: string): boolean {
  return roots.some((r) => inside(r, path));
}
