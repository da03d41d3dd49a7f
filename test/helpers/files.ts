import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder, depth first (the rule fixtures hold the bad-input cases). */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesBelow(p) : [p];
  });
}
