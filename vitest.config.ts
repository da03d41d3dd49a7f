import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    // The cache key (see src/cache/cache-secret.ts) goes to a test folder, not the user's own.
    env: { XDG_CACHE_HOME: join(tmpdir(), `milint-test-cache-home-${process.getuid?.() ?? 'user'}`) },
  },
});
