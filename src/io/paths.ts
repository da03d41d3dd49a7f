import { isAbsolute, relative, sep } from 'node:path';

/** Whether a path lies inside a folder (both absolute). Pure: no file is looked at. */
export function inside(root: string, path: string): boolean {
  // The usual case without `relative` (which resolves both paths): the folder and a separator
  // start the path, and no `..` could lead back out.
  if (path.startsWith(root) && !path.includes('..')) {
    if (path.length === root.length || root.endsWith(sep) || path[root.length] === sep || path[root.length] === '/') return true;
  }
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Whether a path lies inside any of several folders. */
export function insideAny(roots: readonly string[], path: string): boolean {
  return roots.some((r) => inside(r, path));
}
