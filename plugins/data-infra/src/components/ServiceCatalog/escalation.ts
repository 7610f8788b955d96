import type { ServiceSummary } from '@data-infra/backstage-plugin-data-infra-common';
import { formatDurationMs } from '../shared/format';

/**
 * A service's escalation path in words, shared by the table and the CSV so
 * both say the same: "Data Platform on-call (primary), at once".
 */
export function firstLevelText(row: ServiceSummary): string {
  const first = row.escalation?.first;
  if (!first) return 'No escalation policy';
  const who = first.role ? `${first.targetTitle} (${first.role})` : first.targetTitle;
  return `${who}, ${first.afterMs === 0 ? 'at once' : `after ${formatDurationMs(first.afterMs)}`}`;
}

/** "3 levels, repeats 2×, inherited from the owner". */
export function levelsText(row: ServiceSummary): string {
  const e = row.escalation;
  if (!e || e.levels === 0) return '';
  return [
    `${e.levels} level${e.levels === 1 ? '' : 's'}`,
    e.repeat > 0 ? `repeats ${e.repeat}×` : '',
    e.inherited ? "owner's policy" : '',
  ]
    .filter(Boolean)
    .join(', ');
}
