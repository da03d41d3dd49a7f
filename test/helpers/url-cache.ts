import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL_CACHE_FILE } from '../../src/cache/url-cache.js';

/**
 * Makes every answer in the URL cache in `cacheDir` `ms` older: a test of the TTL then does not
 * depend on how much time passed between two runs.
 */
export function backdateUrlCache(cacheDir: string, ms: number): void {
  const path = join(cacheDir, URL_CACHE_FILE);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  for (const section of ['urls', 'weights']) {
    for (const entry of Object.values(data[section] as Record<string, { at: number }>)) entry.at -= ms;
  }
  writeFileSync(path, JSON.stringify(data));
}
