import type { Config } from '@backstage/config';
import {
  DomainInfo,
  readCheckSettings,
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
  /** Load the shared state and findings ahead of requests (dataInfra.cache.warm). */
  warm: boolean;
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

/** Reads `dataInfra.*` from app-config; see config.d.ts for the defaults. */
export function readDataInfraConfig(config: Config): DataInfraBackendConfig {
  // The checks' own keys (domains, maxOnCallShare, subteamRotation), read as the CLI reads them.
  const checks = readCheckSettings(config);
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
  return {
    ...checks,
    cacheTtlSeconds: ttl,
    callerTtlSeconds: callerTtl,
    refreshSeconds: refresh,
    showContactDetails:
      config.getOptionalBoolean('dataInfra.showContactDetails') ?? true,
    metrics: readMetrics(config),
    cacheMaxBytes: maxBytes,
    warm: config.getOptionalBoolean('dataInfra.cache.warm') ?? true,
    ...(calendarSecret ? { calendarSecret } : {}),
  };
}
