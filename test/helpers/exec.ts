import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'milint.js');

export interface Exec { stdout: string; stderr: string; code: number | null }

/** Runs the built CLI with a minimal environment (no colour, no CI variables), plus `env`. */
export function milint(args: string[], cwd: string, input?: string, env: Record<string, string> = {}): Exec {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: process.env.HOME ?? '', ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}), ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** The run's time in stylish output masked: `(734 ms)` below a second, `(1.3 s)` from one on. */
export const maskTimes = (s: string): string => s.replace(/\(\d+(\.\d+)? m?s\)/g, '(TIME)');

/** A golden record of a run: the command, its output with timings masked, and the exit code. */
export function golden(args: string[], r: Exec): string {
  const mask = (s: string) => maskTimes(s).replaceAll(ROOT, '<root>');
  return [
    `# milint ${args.join(' ')}`, '', '## stdout', '', '```', mask(r.stdout).trimEnd(), '```', '',
    '## stderr', '', '```', mask(r.stderr).trimEnd(), '```', '', `Exit code: ${r.code}`, '',
  ].join('\n');
}
