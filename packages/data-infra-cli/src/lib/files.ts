import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './io';

const YAML_FILE = /\.ya?ml$/i;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .flatMap(entry => {
      // Dependencies and VCS folders never hold the adopter's catalog files.
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() && YAML_FILE.test(entry.name) ? [path] : [];
    });
}

/**
 * Expands the paths given on the command line: files as they are, folders
 * into their *.yaml / *.yml files (recursively, in a stable order). A path
 * that does not exist is a usage error.
 */
export function collectYamlFiles(paths: string[], cwd: string = process.cwd()): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new CliError(`${given}: no such file or directory`);
    }
    files.push(...(stat.isDirectory() ? walk(path) : [path]));
  }
  return [...new Set(files)];
}

/** A folder given with --catalog: must exist and be a folder. */
export function requireCatalogDir(dir: string | undefined, cwd: string = process.cwd()): string {
  if (!dir) throw new CliError('--catalog <dir> is required');
  const path = resolve(cwd, dir);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new CliError(`--catalog ${dir}: no such directory`);
  }
  if (!isDir) throw new CliError(`--catalog ${dir}: not a directory`);
  return path;
}
