import type { Config } from '@backstage/config';
import {
  DEFAULT_MAX_ON_CALL_SHARE,
  DEFAULT_SUBTEAM_ROTATION,
  DomainInfo,
  normaliseDomains,
  parseIsoDuration,
  SubteamRotationPolicy,
} from '@data-infra/backstage-plugin-data-infra-common';
import { DEFAULT_MAX_BYTES } from './service/state/MemoryBudget';

/** The plugin's configuration with every default applied. */
export interface DataInfraBackendConfig {
  domains: DomainInfo[];
  /** dataInfra.policy.subteamRotation with its defaults. */
  subteamRotation?: SubteamRotationPolicy;
  cacheTtlSeconds: number;
  /** How long one caller's answers are reused, in seconds; 0 disables. */
  callerTtlSeconds?: number;
  /** How often the in-memory state of the catalog is refreshed, in seconds. */
  refreshSeconds?: number;
  showContactDetails: boolean;
  /** dataInfra.checks.maxOnCallShare (default DEFAULT_MAX_ON_CALL_SHARE, 0.5). */
  maxOnCallShare?: number;
  /** The byte budget shared by every memo of the plugin. */
  cacheMaxBytes?: number;
  /** The HMAC key of calendar subscription links, when configured. */
  calendarSecret?: string;
  /** Measured SLAs; absent without dataInfra.metrics.prometheus. */
  metrics?: {
    baseUrl: string;
    headers: Record<string, string>;
    timeoutMs: number;
    refreshMs: number;
    waitMs: number;
  };
}

function positiveSeconds(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) throw new Error(`${key} must be a positive number of seconds, got ${value}`);
  return value * 1000;
}

function readMetrics(config: Config): DataInfraBackendConfig['metrics'] {
  const prometheus = config.getOptionalConfig('dataInfra.metrics.prometheus');
  if (!prometheus) return undefined;
  const baseUrl = prometheus.getString('baseUrl');
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new Error(`dataInfra.metrics.prometheus.baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  const headers = prometheus.getOptionalConfig('headers');
  return {
    baseUrl,
    headers: Object.fromEntries((headers?.keys() ?? []).map(k => [k, headers!.getString(k)])),
    timeoutMs: positiveSeconds(config, 'dataInfra.metrics.prometheus.timeout', 10),
    refreshMs: positiveSeconds(config, 'dataInfra.metrics.refresh', 60),
    waitMs: positiveSeconds(config, 'dataInfra.metrics.wait', 2),
  };
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

/** Reads `dataInfra.*` from app-config; see config.d.ts for the defaults. */
export function readDataInfraConfig(config: Config): DataInfraBackendConfig {
  const domains = config.getOptionalConfigArray('dataInfra.domains');
  const ttl = config.getOptionalNumber('dataInfra.cache.ttl') ?? 60;
  if (!(ttl > 0)) {
    throw new Error(`dataInfra.cache.ttl must be a positive number of seconds, got ${ttl}`);
  }
  const callerTtl = config.getOptionalNumber('dataInfra.cache.callerTtl') ?? 5;
  if (!(callerTtl >= 0)) {
    throw new Error(`dataInfra.cache.callerTtl must be zero or a positive number of seconds, got ${callerTtl}`);
  }
  const refresh = config.getOptionalNumber('dataInfra.cache.refresh') ?? 10;
  if (!(refresh > 0)) {
    throw new Error(`dataInfra.cache.refresh must be a positive number of seconds, got ${refresh}`);
  }
  const maxBytes = config.getOptionalNumber('dataInfra.cache.maxBytes') ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes >= 1024 * 1024)) {
    throw new Error(`dataInfra.cache.maxBytes must be at least 1048576 (1 MiB), got ${maxBytes}`);
  }
  const calendarSecret = config.getOptionalString('dataInfra.calendar.secret');
  if (calendarSecret !== undefined && calendarSecret.length < 32) {
    throw new Error('dataInfra.calendar.secret must be at least 32 characters long');
  }
  const maxOnCallShare = config.getOptionalNumber('dataInfra.checks.maxOnCallShare') ?? DEFAULT_MAX_ON_CALL_SHARE;
  if (!(maxOnCallShare >= 0 && maxOnCallShare <= 1)) {
    throw new Error(`dataInfra.checks.maxOnCallShare must be a share between 0 and 1, got ${maxOnCallShare}`);
  }
  return {
    maxOnCallShare,
    domains: normaliseDomains(
      domains?.map(d => ({
        id: d.getString('id'),
        title: d.getOptionalString('title'),
        description: d.getOptionalString('description'),
        order: d.getOptionalNumber('order'),
      })),
    ),
    subteamRotation: readSubteamRotation(config),
    cacheTtlSeconds: ttl,
    callerTtlSeconds: callerTtl,
    refreshSeconds: refresh,
    showContactDetails:
      config.getOptionalBoolean('dataInfra.showContactDetails') ?? true,
    metrics: readMetrics(config),
    cacheMaxBytes: maxBytes,
    ...(calendarSecret ? { calendarSecret } : {}),
  };
}
