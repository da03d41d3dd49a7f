import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../types.js';

/** A path relative to the run's folder, with `/` separators (what CI systems expect). */
export function repoPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel === '' ? file : rel).split(sep).join('/');
}

/**
 * A fingerprint that stays the same while the problem stays: it hashes the rule, the message id and
 * data, the file and the path in the data, not the line, so that moving a block does not make the
 * problem look new.
 */
export function fingerprint(d: Diagnostic, path: string): string {
  return createHash('sha256')
    .update(JSON.stringify([d.ruleId, d.messageId, d.data, path, d.path]))
    .digest('hex');
}
