import { formatDurationShort, type EscalationPath } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * One line for a service row: who is paged, in order, with each level's
 * delay — "Data Platform on-call (primary) → 15m: Data Platform on-call
 * (secondary) → 30m: lead of Data Platform".
 */
export function escalationSummary(
  path: EscalationPath,
  title: (ref: string) => string,
): string {
  if (path.levels.length === 0) return 'No escalation policy';
  const text = path.levels
    .map(level => {
      let who = title(level.targetRef);
      if (level.via === 'rotation') {
        who = `${who} (${(level.target as { role?: string }).role ?? 'primary'})`;
      } else if (level.via === 'subteamLead') {
        who = `lead of ${who}`;
      }
      return level.afterMs === 0 ? who : `${formatDurationShort(level.afterMs)}: ${who}`;
    })
    .join(' → ');
  return path.repeat ? `${text} (repeats ${path.repeat}×)` : text;
}
