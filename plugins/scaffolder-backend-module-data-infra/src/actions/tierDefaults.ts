import type { ServiceLevel } from '@data-infra/backstage-plugin-data-infra-common';

/** A service tier: 1 = critical … 3. @public */
export type ServiceTier = 1 | 2 | 3;

/**
 * The SLA a new DataService gets for its tier unless the form overrides a
 * field. The template's form offers the same values as its defaults.
 * @public
 */
export const TIER_SLA_DEFAULTS: Record<ServiceTier, ServiceLevel> = {
  1: {
    availability: 99.95,
    window: '30d',
    supportHours: { type: '24x7' },
    responseTime: { sev1: 'PT15M', sev2: 'PT1H', sev3: 'PT8H' },
  },
  2: {
    availability: 99.9,
    window: '30d',
    supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' },
    responseTime: { sev1: 'PT1H', sev2: 'PT4H', sev3: 'P1D' },
  },
  3: {
    availability: 99.5,
    window: '30d',
    supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' },
    responseTime: { sev1: 'PT4H', sev2: 'P1D', sev3: 'P3D' },
  },
};
