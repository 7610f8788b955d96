import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { run } from '../run';

/** The repository's own catalog, which these tests treat as a real adopter's. */
// Test-only helper: it runs from the sources, never from a production build.
// eslint-disable-next-line no-restricted-syntax
export const SEEDED_CATALOG = resolve(__dirname, '../../../../catalog-info');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[], options: { now?: number } = {}): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, {
    stdout: { write: (s: string) => stdout.push(s) },
    stderr: { write: (s: string) => stderr.push(s) },
    ...(options.now !== undefined ? { now: () => options.now! } : {}),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Writes files (path → content) into a fresh temporary folder and returns it. */
export function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-infra-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** 1-based line of the first line containing `needle`, so tests never hard-code line numbers. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex(line => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line containing ${needle}`);
  return index + 1;
}

/** A minimal valid organisation for fixtures: a group, two users, a subteam. */
export const MINI_ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ann
spec:
  memberOf: [platform]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: bob
spec:
  memberOf: [platform]
---
apiVersion: data-infra.io/v1alpha1
kind: Subteam
metadata:
  name: core
spec:
  domain: data-platform
  parent: group:default/platform
  members: [user:default/ann, user:default/bob]
`;
