import type { Command } from 'commander';
import { isRotationEntity, rotationShifts, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { loadCatalogDir } from '../lib/catalog';
import { requireCatalogDir } from '../lib/files';
import { CliError, CliIo, EXIT_OK } from '../lib/io';
import { requireEntity } from '../lib/lookup';
import { formatTable } from '../lib/table';
import { iso, parseInstantOption } from '../lib/time';

/** shifts: the schedule of one rotation in a window, overrides applied. */
export function registerShifts(program: Command, io: CliIo, setExit: (code: number) => void) {
  program
    .command('shifts')
    .description('The shifts of a rotation in a window, with overrides and coverage applied')
    .argument('<rotation>', 'rotation ref, e.g. rotation:default/data-platform-oncall')
    .requiredOption('--catalog <dir>', 'folder of catalog-info files')
    .requiredOption('--from <instant>', 'start of the window (ISO-8601 instant with offset)')
    .requiredOption('--to <instant>', 'end of the window, exclusive')
    .option('--max-shifts <n>', 'stop after this many shifts', '1000')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: { catalog: string; from: string; to: string; maxShifts: string; json?: boolean }) => {
      const dir = requireCatalogDir(options.catalog);
      const from = parseInstantOption('--from', options.from);
      const to = parseInstantOption('--to', options.to);
      if (!(from < to)) throw new CliError(`--from ${options.from} must be before --to ${options.to}`);
      const maxShifts = Number(options.maxShifts);
      if (!Number.isInteger(maxShifts) || maxShifts < 1) {
        throw new CliError(`--max-shifts ${JSON.stringify(options.maxShifts)}: must be a positive whole number`);
      }
      const catalog = await loadCatalogDir(dir);
      const rotation = requireEntity(catalog, ref, 'rotation', 'rotation');
      if (!isRotationEntity(rotation)) throw new CliError(`${ref}: is a ${rotation.kind}, not a Rotation`);
      const { shifts, truncated } = rotationShifts(rotation, from, to, { maxShifts });

      const result = {
        rotation: entityRefOf(rotation),
        timezone: rotation.spec.timezone,
        from: iso(from),
        to: iso(to),
        truncated,
        shifts: shifts.map(s => ({ role: s.role, user: s.user, start: iso(s.start), end: iso(s.end), source: s.source })),
      };
      if (options.json) {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        io.stdout.write(`${result.rotation} (${result.timezone}), ${result.from} to ${result.to}\n`);
        io.stdout.write(
          result.shifts.length === 0
            ? 'Nobody is on call in this window.\n'
            : `${formatTable(
                ['START', 'END', 'ROLE', 'USER', 'SOURCE'],
                result.shifts.map(s => [s.start, s.end, s.role, s.user, s.source]),
              )}\n`,
        );
        if (truncated) io.stdout.write(`Only the first ${maxShifts} shifts are shown (--max-shifts).\n`);
      }
      setExit(EXIT_OK);
    });
}
