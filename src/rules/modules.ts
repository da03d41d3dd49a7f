/**
 * A project's own rules, from ES modules named in the API's `ruleModules` (never by a file in the
 * repository being linted: milint runs no code a repository names). Each module's default export
 * is a rule or a list of rules, with ids `custom/<name>`; worker threads load the same modules.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { sha1 } from '../io/digest.js';
import { addRules } from './index.js';
import type { Rule } from './define-rule.js';

const loaded = new Set<string>();

/** The URLs of rule modules: file URLs as they are, paths resolved against `cwd`. */
export function ruleModuleUrls(specs: readonly string[] | undefined, cwd: string): string[] {
  return (specs ?? []).map((s) => (/^file:/i.test(s) ? new URL(s).href : pathToFileURL(isAbsolute(s) ? s : resolve(cwd, s)).href));
}

/** Imports rule modules and adds their rules to this thread's registry (once per module). */
export async function loadRuleModules(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    if (loaded.has(url)) continue;
    let mod: { default?: unknown };
    try {
      mod = await import(url) as { default?: unknown };
    } catch (e) {
      throw new InputError(`Cannot load the rule module ${fileURLToPath(url)}: ${(e as Error).message}`);
    }
    if (mod.default === undefined) {
      throw new InputError(`The rule module ${fileURLToPath(url)} has no default export.`, 'Its default export must be a rule (defineRule) or a list of rules, with ids custom/<name>.');
    }
    const list = (Array.isArray(mod.default) ? mod.default : [mod.default]) as Rule[];
    try {
      addRules(list);
    } catch (e) {
      throw new InputError(`The rule module ${fileURLToPath(url)} does not export rules as milint reads them: ${(e as Error).message}`,
        'Its default export must be a rule (defineRule) or a list of rules, with ids custom/<name>.');
    }
    loaded.add(url);
  }
}

/** Throws unless every module is loaded already (a synchronous run cannot import them). */
export function checkRuleModulesLoaded(urls: readonly string[]): void {
  const missing = urls.find((u) => !loaded.has(u));
  if (missing) throw new InputError(`The rule module ${fileURLToPath(missing)} is not loaded.`, 'Use the asynchronous API (lint), which loads ruleModules first.');
}

/** A digest of the modules' texts, for cache keys: results of another version of a rule are not used. */
export function ruleModulesDigest(urls: readonly string[]): string {
  return sha1(urls.map((u) => {
    let text = '';
    try { text = readFileSync(fileURLToPath(u), 'utf8'); } catch { /* a module that went away: its URL alone */ }
    return `${u}\u0000${text}`;
  }).join('\u0001'));
}
