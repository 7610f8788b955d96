/*
 * `--config app-config.yaml …`: the checks' settings read from the same
 * app-config files as the backend, by Backstage's own config loader (so
 * $include, $env and ${VAR} substitution work as in the backend), and
 * validated by the same function the backend uses (readCheckSettings).
 */
import { ConfigReader } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { CheckSettings, readCheckSettings } from '@data-infra/backstage-plugin-data-infra-common';
import path from 'node:path';
import { CliError } from './io';

/** The checks' settings from the given files; the defaults when there are none. */
export async function readAppConfig(files: string[]): Promise<CheckSettings> {
  if (files.length === 0) return readCheckSettings(new ConfigReader({}));
  let config;
  try {
    config = await ConfigSources.toConfig(
      ConfigSources.defaultForTargets({
        targets: files.map(file => ({ type: 'path' as const, target: path.resolve(file) })),
        watch: false,
      }),
    );
  } catch (error) {
    throw new CliError(`--config: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return readCheckSettings(config);
  } catch (error) {
    throw new CliError(`--config ${files.join(' ')}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    config.close();
  }
}
