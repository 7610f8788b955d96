import { formatInstant, parseInstant } from '@data-infra/backstage-plugin-data-infra-common';
import { CliError } from './io';

/**
 * Parses an instant given on the command line. It must carry its offset
 * (Z or +02:00): a bare local time would silently depend on the machine's
 * time zone, which is exactly what on-call answers must not do.
 */
export function parseInstantOption(option: string, value: string): number {
  const at = parseInstant(value);
  if (at === undefined) {
    throw new CliError(
      `${option} ${JSON.stringify(value)}: not an ISO-8601 instant with an offset, e.g. 2026-03-08T08:00:00Z or 2026-03-08T09:00:00+01:00`,
    );
  }
  return at;
}

/** Instants are printed in UTC; null (no foreseen end) stays null. */
export function iso(epochMs: number): string;
export function iso(epochMs: number | null | undefined): string | null;
export function iso(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : formatInstant(epochMs);
}
