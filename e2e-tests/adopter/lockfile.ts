/*
 * What a yarn.lock resolved: the versions of each package. Used to check
 * that an adopter app has one copy of each framework package, on the
 * release this repository pins.
 */
import fs from 'node:fs';
import { parse } from 'yaml';

/** Package name -> the versions the lockfile resolved it to (registry packages only). */
export function lockedVersions(lockfile: string): Map<string, Set<string>> {
  const doc = parse(fs.readFileSync(lockfile, 'utf8')) as Record<string, { version?: string; resolution?: string }>;
  const versions = new Map<string, Set<string>>();
  for (const [key, entry] of Object.entries(doc)) {
    if (key === '__metadata' || !entry?.resolution?.includes('@npm:')) continue;
    const name = entry.resolution.slice(0, entry.resolution.indexOf('@npm:'));
    if (!versions.has(name)) versions.set(name, new Set());
    versions.get(name)!.add(String(entry.version));
  }
  return versions;
}

/** The packages the app has in more than one version, among those `pick` selects. */
export function duplicates(app: Map<string, Set<string>>, pick: (name: string) => boolean): string[] {
  return [...app]
    .filter(([name, v]) => pick(name) && v.size > 1)
    .map(([name, v]) => `${name} (${[...v].join(', ')})`);
}

const newest = (versions: Set<string>) =>
  [...versions].sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0];

/**
 * The packages whose version in the app is not the newest of ours, among
 * those both lockfiles have and `pick` selects. (Ours may also hold older
 * versions that dev tools pull in; the release we pin is the newest.)
 */
export function misaligned(app: Map<string, Set<string>>, ours: Map<string, Set<string>>, pick: (name: string) => boolean): string[] {
  return [...app]
    .filter(([name]) => pick(name) && ours.has(name))
    .filter(([name, v]) => [...v].some(version => version !== newest(ours.get(name)!)))
    .map(([name, v]) => `${name} ${[...v].join(', ')} (this repository: ${newest(ours.get(name)!)})`);
}
