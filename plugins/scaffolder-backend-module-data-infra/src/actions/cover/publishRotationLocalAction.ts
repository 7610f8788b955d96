import fs from 'node:fs/promises';
import path from 'node:path';
import {
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatEntityProblems,
  isRotationEntity,
  validateDataInfraEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { addOverridesToYaml } from './editOverrides';
import { parseRefOfKind } from './inputs';
import { locateRotationFile } from './locateFile';
import { readRotationFile, sha256 } from './addOverrideAction';

/**
 * Creates the `data-infra:rotation:publish-local` action: writes the edited
 * Rotation file from the workspace back over its `file:` location (which
 * must lie under `dataInfra.coverRequests.localDirectories`), when nobody
 * changed it since the request was prepared, and refreshes the Rotation so
 * the catalog reads it now.
 * @public
 */
export function createPublishRotationLocalAction(options: {
  config: Config;
  catalog: CatalogService;
  urlReader: UrlReaderService;
}) {
  const { config, catalog, urlReader } = options;
  return createTemplateAction({
    id: 'data-infra:rotation:publish-local',
    description:
      "Writes the workspace's edited Rotation file over its local file: location (dataInfra.coverRequests.localDirectories) and refreshes the Rotation in the catalog. Supports dry run.",
    supportsDryRun: true,
    schema: {
      input: {
        rotation: z => z.string({ description: 'Rotation ref' }),
        expectedSha256: z =>
          z.string({
            description:
              'SHA-256 of the file when the change was prepared (data-infra:rotation:add-override output originalSha256); the write is refused if it changed since',
          }),
      },
      output: {
        localPath: z => z.string(),
      },
    },
    async handler(ctx) {
      const ref = parseRefOfKind('rotation', ctx.input.rotation, 'Rotation');
      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(ref.ref, { credentials });
      if (!entity || !isRotationEntity(entity)) {
        throw new InputError(
          `rotation: there is no Rotation ${ref.ref} in the catalog`,
        );
      }
      // Located again from the catalog, never from a path the template
      // passes, so only a file under the allowed folders can be written.
      const location = locateRotationFile(entity, config);
      if (location.publishVia !== 'local') {
        throw new InputError(
          `rotation: ${ref.ref} lives in a ${
            location.publishVia
          } repository; publish it with a ${
            location.publishVia === 'gitlab' ? 'merge' : 'pull'
          } request`,
        );
      }
      const source = resolveSafeChildPath(ctx.workspacePath, location.filePath);
      const text = await fs.readFile(source, 'utf8');
      // Checked again: the workspace copy is what gets written.
      const { rotation } = addOverridesToYaml(
        text,
        {
          name: entity.metadata.name,
          namespace: entity.metadata.namespace ?? 'default',
        },
        [],
      );
      const problems = validateDataInfraEntity(rotation);
      if (problems.length > 0) {
        throw new InputError(
          `The Rotation would not be valid, nothing was published:\n${formatEntityProblems(
            rotation,
            problems,
          )}`,
        );
      }
      const current = await readRotationFile(location, urlReader);
      if (sha256(current) !== ctx.input.expectedSha256) {
        throw new ConflictError(
          `${location.localPath} changed since this request was prepared; run the template again`,
        );
      }
      ctx.output('localPath', location.localPath);
      if (ctx.isDryRun) return;

      // Write beside it and rename: the catalog never reads half a file.
      const temp = path.join(
        path.dirname(location.localPath),
        `.${path.basename(location.localPath)}.${process.pid}.tmp`,
      );
      await fs.writeFile(temp, text, 'utf8');
      await fs.rename(temp, location.localPath);
      ctx.logger.info(`Wrote ${location.localPath}`);
      await catalog.refreshEntity(ref.ref, { credentials });
      ctx.logger.info(`Refreshed ${ref.ref}`);
    },
  });
}
