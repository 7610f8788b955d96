/*
 * The one order of finding severities, used by the checks' groups, the
 * backend's worst-finding columns and every list sorted by severity.
 */
import type { Finding, FindingSeverity } from './types';

/** Every severity, the most severe first. @public */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

/**
 * How severe a severity is: error 3, warning 2, info 1; 0 for anything
 * else (a newer server's severity this client does not know).
 * @public
 */
export function severityRank(severity: FindingSeverity | null | undefined): number {
  const index = severity ? FINDING_SEVERITIES.indexOf(severity) : -1;
  return index < 0 ? 0 : FINDING_SEVERITIES.length - index;
}

/** The most severe level among findings; null when there are none. @public */
export function worstSeverity(findings: Finding[]): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const f of findings) {
    if (severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  }
  return worst;
}
