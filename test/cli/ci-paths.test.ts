/**
 * GitHub and GitLab resolve report paths from the repository root: github, sarif and gitlab name
 * files from there (the `.git` folder, or --root-dir), whatever the working folder; the human
 * formats stay relative to the working folder.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { milint } from '../helpers/exec.js';
import { tmpTree } from '../helpers/tmp.js';

const PAGE = '# A\n\n<!--\nType: model-index\nModels:\n- Name: a\n  Metadata:\n    Epochs: -1\n-->\n';

describe('paths in CI formats', () => {
  const dir = tmpTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/models/a.md': PAGE });
  const docs = join(dir, 'docs');

  it('github, sarif, gitlab: from the repository root, run from a sub-folder', () => {
    const github = milint(['-f', 'github', '.'], docs);
    expect(github.stdout).toMatch(/^::error file=docs\/models\/a\.md,line=8,/);
    const sarif = JSON.parse(milint(['-f', 'sarif', '.'], docs).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['docs/models/a.md']);
    const gitlab = JSON.parse(milint(['-f', 'gitlab', '.'], docs).stdout) as { location: { path: string } }[];
    expect(gitlab.map((g) => g.location.path)).toEqual(['docs/models/a.md']);
  });

  it('the same fingerprints from any working folder', () => {
    const fromDocs = JSON.parse(milint(['-f', 'gitlab', '.'], docs).stdout) as { fingerprint: string }[];
    const fromRoot = JSON.parse(milint(['-f', 'gitlab', 'docs'], dir).stdout) as { fingerprint: string }[];
    expect(fromDocs[0]!.fingerprint).toBe(fromRoot[0]!.fingerprint);
  });

  it('--root-dir sets where they start', () => {
    expect(milint(['-f', 'github', '--root-dir', '.', '.'], docs).stdout).toMatch(/^::error file=models\/a\.md,line=8,/);
  });

  it('human formats stay relative to the working folder', () => {
    expect(milint(['-f', 'compact', '.'], docs).stdout).toMatch(/^models\/a\.md:8:13: error /);
    expect(milint(['.'], docs).stdout).toMatch(/^models\/a\.md\n/);
  });
});
