import { createRequire } from 'node:module';

/** Set by the bundler for the CLI bundle; the library reads package.json instead. */
declare const __MILINT_VERSION__: string | undefined;

/** The package version. */
export const VERSION: string = typeof __MILINT_VERSION__ === 'string'
  ? __MILINT_VERSION__
  : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
