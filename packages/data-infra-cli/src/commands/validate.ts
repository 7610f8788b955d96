import type { Command } from 'commander';
import { loadCatalogFiles } from '../lib/catalog';
import { collectYamlFiles } from '../lib/files';
import { CliIo, EXIT_OK, EXIT_PROBLEMS } from '../lib/io';
import { dataInfraReferences, resolveReference } from '@data-infra/backstage-plugin-data-infra-common';

interface Line {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  text: string;
}

/** validate <files or dirs…>: what an adopter runs in CI before merging catalog-info changes. */
export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void) {
  program
    .command('validate')
    .description('Validate catalog-info YAML files: every document, every kind, and references between files')
    .argument('<paths...>', 'files or folders (folders are searched for *.yaml and *.yml)')
    .option('--no-refs', 'skip the check that referenced entities exist in the given files')
    .action(async (paths: string[], options: { refs: boolean }) => {
      const files = collectYamlFiles(paths);
      const catalog = await loadCatalogFiles(files);
      const lines: Line[] = [];
      const add = (file: string, line: number, severity: Line['severity'], ref: string, path: string, message: string) =>
        lines.push({ file, line, severity, text: `${ref}: ${path}: ${message}` });

      for (const document of catalog.documents) {
        for (const error of document.syntaxErrors) {
          add(document.file, error.line, 'error', `document #${document.index}`, '(yaml)', error.message);
        }
      }
      for (const { ref, document, problems } of catalog.loaded) {
        for (const problem of problems) {
          add(document.file, document.lineOf(problem.path), problem.severity, ref, problem.path, problem.message);
        }
      }

      // The same entity defined twice: the catalog would keep one and report a conflict.
      const seen = new Map<string, string>();
      for (const { ref, document, entity, problems } of catalog.loaded) {
        if (problems.some(p => p.severity === 'error') || !entity.metadata) continue;
        const where = `${document.file}:${document.line}`;
        const first = seen.get(ref);
        if (first) add(document.file, document.lineOf('metadata.name'), 'error', ref, 'metadata.name', `is already defined at ${first}`);
        else seen.set(ref, where);
      }

      if (options.refs) {
        for (const { ref, document, entity, problems } of catalog.loaded) {
          if (problems.some(p => p.severity === 'error')) continue;
          const namespace = entity.metadata.namespace ?? 'default';
          for (const reference of dataInfraReferences(entity)) {
            // The kind a ref names is left to the catalog; only existence is checked here.
            const resolved = resolveReference(reference, namespace, target => catalog.find(target) !== undefined);
            if (!resolved.valid) {
              add(document.file, document.lineOf(reference.path), 'error', ref, reference.path, `is not an entity reference, got ${JSON.stringify(reference.value)}`);
            } else if (!resolved.exists) {
              add(document.file, document.lineOf(reference.path), 'error', ref, reference.path, `refers to ${resolved.ref}, which is not defined in the given files`);
            }
          }
        }
      }

      lines.sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line);
      const out = lines.map(l => `${l.file}:${l.line}: ${l.severity === 'warning' ? 'warning: ' : ''}${l.text}\n`).join('');
      io.stdout.write(out);
      const errors = lines.filter(l => l.severity === 'error').length;
      const warnings = lines.length - errors;
      const entities = catalog.loaded.length;
      io.stdout.write(
        `${errors === 0 ? 'OK' : 'FAILED'}: ${files.length} file${files.length === 1 ? '' : 's'}, ${entities} entit${entities === 1 ? 'y' : 'ies'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
      );
      setExit(errors > 0 ? EXIT_PROBLEMS : EXIT_OK);
    });
}
