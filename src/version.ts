import { createRequire } from 'node:module';

/** Set by the bundler for the CLI bundle; the library reads package.json instead. */
declare const __MILINT_VERSION__: string | undefined;

/**
 * Set by the bundler: a digest of the compiled code, so that a cache made by another build of the
 * same version (a development checkout) is not trusted.
 */
declare const __MILINT_BUILD__: string | undefined;

/** Identifies the code that is running: the version, and the build when bundled. */
export const BUILD: string = typeof __MILINT_BUILD__ === 'string' ? __MILINT_BUILD__ : '';

/** The package version. */
export const VERSION: string = typeof __MILINT_VERSION__ === 'string'
  ? __MILINT_VERSION__
  : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
