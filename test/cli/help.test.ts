/** `milint --help` shows how to lint: the default command's options are part of it. */
import { describe, expect, it } from 'vitest';
import { milint, ROOT } from '../helpers/exec.js';

describe('milint --help', () => {
  it('lists the commands and every lint option', () => {
    const r = milint(['--help'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: milint \[paths\.\.\.\] \[lint options\]\n {7}milint <command> \[options\]\n/);
    expect(r.stdout).toContain('Lint options (milint [paths...] is milint lint [paths...]):');
    const lintOptions = [...milint(['lint', '--help'], ROOT).stdout.matchAll(/^ {2}(-\w, )?(--[\w-]+)/gm)].map((m) => m[2]);
    expect(lintOptions).toContain('--max-warnings');
    expect(lintOptions).toContain('--no-ignore');
    for (const option of lintOptions) expect(r.stdout).toContain(option);
  });
});
