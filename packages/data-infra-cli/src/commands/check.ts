import type { Command } from 'commander';
import {
  checkCatalog,
  DEFAULT_MAX_ON_CALL_SHARE,
  Finding,
  FindingSeverity,
  groupFindings,
  severityRank,
} from '@data-infra/backstage-plugin-data-infra-common';
import { readAppConfig } from '../lib/appConfig';
import { loadCatalogDir, LoadedCatalog } from '../lib/catalog';
import { requireCatalogDir } from '../lib/files';
import { CliError, CliIo, EXIT_OK, EXIT_PROBLEMS } from '../lib/io';
import { parseInstantOption } from '../lib/time';

/**
 * Entities the catalog would reject never reach checkCatalog; report them as
 * error findings so `check` cannot pass on a catalog that does not load.
 */
function loadingFindings(catalog: LoadedCatalog): Finding[] {
  const findings: Finding[] = [];
  for (const document of catalog.documents) {
    for (const error of document.syntaxErrors) {
      findings.push({
        severity: 'error',
        check: 'yaml-syntax',
        entityRef: `${document.file}#${document.index}`,
        message: `${document.file}:${error.line}: ${error.message}`,
      });
    }
  }
  for (const { ref, document, problems } of catalog.loaded) {
    for (const problem of problems.filter(p => p.severity === 'error')) {
      findings.push({
        severity: 'error',
        check: 'invalid-entity',
        entityRef: ref,
        path: problem.path,
        message: `${document.file}:${document.lineOf(problem.path)}: ${problem.message}; the catalog will not ingest this entity`,
      });
    }
  }
  return findings;
}

/** check: the ownership and escalation findings over a whole catalog. */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void) {
  program
    .command('check')
    .description('Check ownership, rotations and escalation paths across the catalog; exits 1 on an error-level finding')
    .requiredOption('--catalog <dir>', 'folder of catalog-info files')
    .option('--at <instant>', 'instant the checks are evaluated at (default: now)')
    .option(
      '--config <file...>',
      'app-config files to read dataInfra.domains, dataInfra.checks.maxOnCallShare and dataInfra.policy.subteamRotation from, later files winning, as the backend does (default: the built-in defaults)',
    )
    .option(
      '--max-on-call-share <share>',
      `share of time (0–1) above which a person on call is reported, overrides dataInfra.checks.maxOnCallShare (default ${DEFAULT_MAX_ON_CALL_SHARE})`,
    )
    .option('--json', 'print JSON, one finding per entity and check (not grouped): { "findings": [...] }')
    .action(async (options: { catalog: string; at?: string; json?: boolean; maxOnCallShare?: string; config?: string[] }) => {
      const dir = requireCatalogDir(options.catalog);
      const settings = await readAppConfig(options.config ?? []);
      const maxOnCallShare = options.maxOnCallShare === undefined ? settings.maxOnCallShare : Number(options.maxOnCallShare);
      if (options.maxOnCallShare !== undefined && !(options.maxOnCallShare.trim() !== '' && maxOnCallShare >= 0 && maxOnCallShare <= 1)) {
        throw new CliError(`--max-on-call-share must be a share between 0 and 1, got ${JSON.stringify(options.maxOnCallShare)}`);
      }
      const now = options.at === undefined ? (io.now ?? Date.now)() : parseInstantOption('--at', options.at);
      const catalog = await loadCatalogDir(dir);
      if (catalog.documents.length === 0) throw new CliError(`--catalog ${options.catalog}: no YAML files found`);

      const findings = [...loadingFindings(catalog), ...checkCatalog(catalog.entities, {
          now,
          maxOnCallShare,
          domains: settings.domains.map(d => d.id),
          subteamRotation: settings.subteamRotation,
        })].sort(
        (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.entityRef.localeCompare(b.entityRef, 'en'),
      );
      const count = (severity: FindingSeverity) => findings.filter(f => f.severity === severity).length;

      if (options.json) {
        io.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
      } else {
        // One line per problem to fix: findings that share a cause are one.
        const groups = groupFindings(findings);
        for (const g of groups) {
          io.stdout.write(`${g.severity.padEnd(7)} ${g.subjectRef}: ${g.path ? `${g.path}: ` : ''}${g.message}\n`);
          if (g.affected.length > 1 || g.affected[0] !== g.subjectRef) {
            io.stdout.write(`${' '.repeat(8)}affects ${g.affected.join(', ')}\n`);
          }
        }
        io.stdout.write(
          `${catalog.entities.length} entities checked: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info` +
            ` (${groups.length} ${groups.length === 1 ? 'problem' : 'problems'} to fix)\n`,
        );
      }
      setExit(count('error') > 0 ? EXIT_PROBLEMS : EXIT_OK);
    });
}
