import type { Command } from 'commander';
import { onCallAt, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { loadCatalogDir } from '../lib/catalog';
import { requireCatalogDir } from '../lib/files';
import { CliIo, EXIT_OK } from '../lib/io';
import { rotationsOf } from '../lib/lookup';
import { formatTable } from '../lib/table';
import { iso, parseInstantOption } from '../lib/time';

/** One entry of the JSON output: a rotation at an instant. */
export interface OnCallEntry {
  rotation: string;
  at: string;
  onCall: Array<{ role: string; user: string; from: string; until: string | null }>;
}

// Appending in place: --at may be given thousands of times, and commander's
// usual `[...previous, value]` would copy the list on every occurrence.
function collect(value: string, previous: string[]): string[] {
  previous.push(value);
  return previous;
}

/** oncall: who is on call in every rotation at one or more instants. */
export function registerOncall(program: Command, io: CliIo, setExit: (code: number) => void) {
  program
    .command('oncall')
    .description('Who is on call in every rotation at an instant (default: now)')
    .requiredOption('--catalog <dir>', 'folder of catalog-info files')
    .option('--at <instant>', 'ISO-8601 instant with offset; repeat for several', collect, [])
    .option('--json', 'print JSON: one entry per rotation and instant')
    .action(async (options: { catalog: string; at: string[]; json?: boolean }) => {
      const dir = requireCatalogDir(options.catalog);
      // Parse every instant before reading the catalog: a typo fails fast.
      const instants = options.at.length
        ? options.at.map(value => parseInstantOption('--at', value))
        : [(io.now ?? Date.now)()];
      const catalog = await loadCatalogDir(dir);
      const rotations = rotationsOf(catalog);

      // Thousands of instants share refs and interval bounds: each is
      // written once (formatting, not the on-call math, was the cost).
      const refs = rotations.map(entityRefOf);
      const formatted = new Map<number, string>();
      const text = (ms: number) => {
        let value = formatted.get(ms);
        if (value === undefined) {
          if (formatted.size > 100_000) formatted.clear();
          value = iso(ms);
          formatted.set(ms, value);
        }
        return value;
      };
      const entries: OnCallEntry[] = [];
      for (const at of instants) {
        const atIso = iso(at);
        rotations.forEach((rotation, i) => {
          entries.push({
            rotation: refs[i],
            at: atIso,
            onCall: onCallAt(rotation, at).map(a => ({
              role: a.role,
              user: a.user,
              from: text(a.from),
              until: a.until === null ? null : text(a.until),
            })),
          });
        });
      }

      if (options.json) {
        io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      } else if (rotations.length === 0) {
        io.stdout.write('No rotations in the catalog.\n');
      } else {
        const rows = entries.flatMap(e =>
          e.onCall.length === 0
            ? [[e.at, e.rotation, '-', 'nobody', '', '']]
            : e.onCall.map(a => [e.at, e.rotation, a.role, a.user, a.from, a.until ?? 'no change foreseen']),
        );
        io.stdout.write(`${formatTable(['AT', 'ROTATION', 'ROLE', 'USER', 'FROM', 'UNTIL'], rows)}\n`);
      }
      setExit(EXIT_OK);
    });
}
