import type { Command } from 'commander';
import {
  escalationPathAt,
  EscalationPath,
  isDataServiceEntity,
  isSubteamEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { loadCatalogDir } from '../lib/catalog';
import { requireCatalogDir } from '../lib/files';
import { CliError, CliIo, EXIT_OK } from '../lib/io';
import { requireEntity } from '../lib/lookup';
import { formatTable } from '../lib/table';
import { iso, parseInstantOption } from '../lib/time';

/** The path with instants as ISO strings, as the backend's /escalation route shows it. */
function toJson(path: EscalationPath) {
  return {
    ...path,
    at: iso(path.at),
    levels: path.levels.map(level => ({
      ...level,
      people: level.people.map(p => ({
        ...p,
        ...(p.from !== undefined ? { from: iso(p.from) } : {}),
        ...(p.until !== undefined ? { until: iso(p.until) } : {}),
      })),
    })),
  };
}

function describeTarget(level: EscalationPath['levels'][number]): string {
  const target = level.target as { role?: string };
  if (level.via === 'rotation') return `${level.targetRef} (${target.role ?? 'primary'})`;
  if (level.via === 'subteamLead') return `lead of ${level.targetRef}`;
  return level.targetRef;
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** escalation: who gets paged, in order, for a service (or subteam) at an instant. */
export function registerEscalation(program: Command, io: CliIo, setExit: (code: number) => void) {
  program
    .command('escalation')
    .description('The escalation path of a service at an instant (default: now): each level, its delay and who it reaches')
    .argument('<entity>', 'DataService ref (e.g. dataservice:default/kafka or just kafka) or Subteam ref')
    .requiredOption('--catalog <dir>', 'folder of catalog-info files')
    .option('--at <instant>', 'ISO-8601 instant with offset')
    .option('--json', 'print JSON')
    .action(async (ref: string, options: { catalog: string; at?: string; json?: boolean }) => {
      const dir = requireCatalogDir(options.catalog);
      const at = options.at === undefined ? (io.now ?? Date.now)() : parseInstantOption('--at', options.at);
      const catalog = await loadCatalogDir(dir);
      const entity = requireEntity(catalog, ref, 'dataservice', 'service or subteam');
      if (!isDataServiceEntity(entity) && !isSubteamEntity(entity)) {
        throw new CliError(`${ref}: is a ${entity.kind}, not a DataService or Subteam`);
      }
      const path = escalationPathAt(entity, at, r => catalog.find(r));

      if (options.json) {
        io.stdout.write(`${JSON.stringify(toJson(path), null, 2)}\n`);
        setExit(EXIT_OK);
        return;
      }
      let source = 'own policy';
      if (path.policyRef === null) source = 'no escalation policy';
      else if (path.inherited) source = `policy inherited from ${path.policyRef}`;
      const repeat = path.repeat > 0 ? `, repeated ${path.repeat} more time${path.repeat === 1 ? '' : 's'}` : '';
      io.stdout.write(`Escalation of ${path.entityRef} at ${iso(path.at)} (${source}${repeat})\n`);
      if (path.levels.length > 0) {
        const rows = path.levels.map(level => [
          String(level.index + 1),
          level.after,
          describeTarget(level),
          level.reachable
            ? level.people
                .map(p => (p.until ? `${p.user} (until ${iso(p.until)})` : p.user))
                .join(', ')
            : `nobody: ${level.reason ?? 'no one is reachable'}`,
        ]);
        io.stdout.write(`${formatTable(['LEVEL', 'AFTER', 'TARGET', 'REACHES'], rows)}\n`);
      }
      io.stdout.write(
        path.firstReachableAfterMs === null
          ? 'Nobody is reachable at this instant.\n'
          : `First person reached after ${minutes(path.firstReachableAfterMs)}.\n`,
      );
      setExit(EXIT_OK);
    });
}
