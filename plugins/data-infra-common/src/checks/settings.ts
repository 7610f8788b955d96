/*
 * The app-config keys the checks read, with their defaults and validation,
 * in one place: the backend reads them at start-up and `data-infra check
 * --config app-config.yaml` reads the same keys, so both report the same
 * findings for the same catalog.
 */
import type { Config } from '@backstage/config';
import { DomainInfo, normaliseDomains } from '../kinds/domains';
import { parseIsoDuration } from '../time';
import { DEFAULT_MAX_ON_CALL_SHARE } from './loadChecks';
import { DEFAULT_SUBTEAM_ROTATION, SubteamRotationPolicy } from './subteamRotation';

/** What the checks take from app-config, every default applied. @public */
export interface CheckSettings {
  /** dataInfra.domains (default the seed's four). */
  domains: DomainInfo[];
  /** dataInfra.checks.maxOnCallShare (default 0.5). */
  maxOnCallShare: number;
  /** dataInfra.policy.subteamRotation (default P6M–P9M). */
  subteamRotation: SubteamRotationPolicy;
}

function readSubteamRotation(config: Config): SubteamRotationPolicy {
  const read = (bound: 'min' | 'max') => {
    const key = `dataInfra.policy.subteamRotation.${bound}`;
    const value = config.getOptionalString(key) ?? DEFAULT_SUBTEAM_ROTATION[bound];
    const duration = parseIsoDuration(value);
    if (!duration || duration.toMillis() <= 0) {
      throw new Error(`${key} must be an ISO-8601 duration like P9M, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return { min: read('min'), max: read('max') };
}

/**
 * Reads the checks' settings; throws naming the key when a value is out of
 * range (types are checked by the Config getters).
 * @public
 */
export function readCheckSettings(config: Config): CheckSettings {
  const maxOnCallShare = config.getOptionalNumber('dataInfra.checks.maxOnCallShare') ?? DEFAULT_MAX_ON_CALL_SHARE;
  if (!(maxOnCallShare >= 0 && maxOnCallShare <= 1)) {
    throw new Error(`dataInfra.checks.maxOnCallShare must be a share between 0 and 1, got ${maxOnCallShare}`);
  }
  const domains = config.getOptionalConfigArray('dataInfra.domains');
  return {
    domains: normaliseDomains(
      domains?.map(d => ({
        id: d.getString('id'),
        title: d.getOptionalString('title'),
        description: d.getOptionalString('description'),
        order: d.getOptionalNumber('order'),
      })),
    ),
    maxOnCallShare,
    subteamRotation: readSubteamRotation(config),
  };
}
