import fs from 'node:fs/promises';
import path from 'node:path';
import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { ConflictError, InputError, isError } from '@backstage/errors';
import {
  CatalogService,
  locationSpecToMetadataName,
} from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import { CATALOG_INFO_FILENAME } from './renderCatalogInfo';

/** The config key of the folder publish:local writes into. @public */
export const LOCAL_DIRECTORY_CONFIG_KEY =
  'dataInfra.registration.localDirectory';

const SAFE_NAME = /^[a-z0-9A-Z][a-z0-9A-Z._-]*$/;

/**
 * Checks a file name for the local folder: no path separators, no `..`,
 * only the characters of an entity name.
 * @public
 */
export function assertSafeFileName(name: string): void {
  if (
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('..') ||
    !SAFE_NAME.test(name)
  ) {
    throw new InputError(
      `Refusing to publish "${name}": the name must be a plain entity name (letters, digits, '.', '_', '-'), without path separators or '..'`,
    );
  }
}

function describeError(e: unknown): string {
  // The catalog client's ResponseError carries the server's message in body.
  const body = (e as { body?: { error?: { message?: string } } })?.body;
  const detail = body?.error?.message;
  const message = isError(e) ? e.message : String(e);
  return detail && !message.includes(detail)
    ? `${message}: ${detail}`
    : message;
}

/** True when a file Location target is a glob over exactly `dir`. */
function coversDirectory(target: string, dir: string): boolean {
  const base = path.basename(target);
  return (
    path.resolve(path.dirname(target)) === dir &&
    base.includes('*') &&
    (base.endsWith('.yaml') || base === '*')
  );
}

/**
 * The refs of the Location entities the catalog makes of its configured
 * `catalog.locations` that glob `dir`. Computed from config (the catalog
 * names them from type and resolved target) because a glob that matched no
 * file yet has no Location entity to query, only a refresh state.
 */
function configuredLocationRefs(config: Config, dir: string): string[] {
  const locations = config.getOptionalConfigArray('catalog.locations') ?? [];
  return locations
    .filter(l => l.getString('type') === 'file')
    .map(l => path.resolve(l.getString('target')))
    .filter(target => coversDirectory(target, dir))
    .map(
      target =>
        `location:default/${locationSpecToMetadataName({
          type: 'file',
          target,
        })}`,
    );
}

/**
 * Makes the catalog pick up a file just written into the local folder.
 *
 * The catalog registers runtime locations only of the allowed types (by
 * default just `url`), so a `file` location is normally refused. The
 * supported setup is a `catalog.locations` entry globbing the folder; then
 * refreshing that Location entity makes the catalog read the new file now
 * instead of at the next processing round. Without such a location we try
 * `addLocation({ type: 'file' })`, which works where an adopter allowed file
 * locations, and otherwise explain what to configure.
 */
async function registerLocalFile(options: {
  config: Config;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  directory: string;
  file: string;
}): Promise<{ method: 'refresh' | 'location'; locationRef: string }> {
  const { config, catalog, credentials, directory, file } = options;
  const [configured] = configuredLocationRefs(config, directory);
  if (configured) {
    await catalog.refreshEntity(configured, { credentials });
    return { method: 'refresh', locationRef: configured };
  }
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Location', 'spec.type': 'file' } },
    { credentials },
  );
  const covering = items.find((location: Entity) => {
    const spec = location.spec as { target?: string; targets?: string[] };
    const targets = [spec.target, ...(spec.targets ?? [])].filter(
      (t): t is string => typeof t === 'string',
    );
    return targets.some(t => coversDirectory(t, directory));
  });
  if (covering) {
    const locationRef = stringifyEntityRef(covering);
    await catalog.refreshEntity(locationRef, { credentials });
    return { method: 'refresh', locationRef };
  }
  try {
    const { location } = await catalog.addLocation(
      { type: 'file', target: file },
      { credentials },
    );
    return {
      method: 'location',
      locationRef: `${location.type}:${location.target}`,
    };
  } catch (e) {
    throw new InputError(
      `Wrote ${file}, but could not register it: ${describeError(e)}. ` +
        `Add a catalog location that globs the folder, e.g. catalog.locations: [{ type: file, target: ${path.join(
          directory,
          '*.yaml',
        )} }], ` +
        `and the catalog will pick the file up.`,
    );
  }
}

/**
 * Creates the `data-infra:publish:local` action: for setups without an SCM
 * integration, copies the workspace's catalog-info.yaml into the folder
 * configured as `dataInfra.registration.localDirectory` (as `<name>.yaml`,
 * never overwriting) and has the catalog read it.
 * @public
 */
export function createPublishLocalAction(options: {
  config: Config;
  catalog: CatalogService;
}) {
  const { config, catalog } = options;
  return createTemplateAction({
    id: 'data-infra:publish:local',
    description:
      'Publishes the workspace catalog-info.yaml into the local folder dataInfra.registration.localDirectory and has the catalog read it (for setups without an SCM integration).',
    schema: {
      input: {
        name: z =>
          z
            .string({
              description:
                'File name without .yaml; default the metadata.name of the entity',
            })
            .optional(),
        sourcePath: z =>
          z
            .string({
              description: `Workspace path of the file; default ${CATALOG_INFO_FILENAME}`,
            })
            .optional(),
      },
      output: {
        catalogInfoPath: z =>
          z.string({ description: 'Absolute path of the published file' }),
        entityRef: z =>
          z.string({ description: 'Ref of the published entity' }),
        locationRef: z =>
          z.string({ description: 'The catalog location that reads the file' }),
      },
    },
    async handler(ctx) {
      const configured = config.getOptionalString(LOCAL_DIRECTORY_CONFIG_KEY);
      if (!configured) {
        throw new InputError(
          `${LOCAL_DIRECTORY_CONFIG_KEY} is not configured: set it to the folder the catalog reads, or publish with a pull request instead`,
        );
      }
      const directory = path.resolve(configured);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath || CATALOG_INFO_FILENAME,
      );
      const text = await fs.readFile(source, 'utf8');
      const entity = parse(text) as Entity;
      const name = ctx.input.name || entity?.metadata?.name;
      if (typeof name !== 'string' || !name) {
        throw new InputError(
          `${
            ctx.input.sourcePath || CATALOG_INFO_FILENAME
          } has no metadata.name`,
        );
      }
      assertSafeFileName(name);
      const target = path.join(directory, `${name}.yaml`);
      const entityRef = stringifyEntityRef(entity);

      if (ctx.isDryRun) {
        ctx.output('catalogInfoPath', target);
        ctx.output('entityRef', entityRef);
        ctx.output('locationRef', 'dry-run');
        return;
      }

      await fs.mkdir(directory, { recursive: true });
      try {
        // 'wx': fails when the file exists, without a check-then-write race.
        await fs.writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      } catch (e) {
        if (isError(e) && (e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new ConflictError(
            `Refusing to overwrite ${target}: a service named "${name}" was already published there`,
          );
        }
        throw e;
      }
      ctx.logger.info(`Published ${entityRef} to ${target}`);

      const credentials = await ctx.getInitiatorCredentials();
      const { method, locationRef } = await registerLocalFile({
        config,
        catalog,
        credentials,
        directory,
        file: target,
      });
      ctx.logger.info(
        method === 'refresh'
          ? `Refreshed ${locationRef}, which reads ${directory}`
          : `Registered ${locationRef}`,
      );
      ctx.output('catalogInfoPath', target);
      ctx.output('entityRef', entityRef);
      ctx.output('locationRef', locationRef);
    },
  });
}
