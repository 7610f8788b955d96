/*
 * The seed's stakeholder interaction plan: a weekly or bi-weekly sync with
 * each stakeholder group. A group written as a plain ref has none.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { SubteamEntityV1alpha1 } from '../kinds/SubteamEntityV1alpha1';
import { subteamStakeholders } from '../kinds/subteamFields';
import type { Finding } from './types';

/** A stakeholder group without `sync` (info). */
export function checkStakeholderSync(subteam: SubteamEntityV1alpha1, findings: Finding[]) {
  const entityRef = stringifyEntityRef(subteam);
  for (const stakeholder of subteamStakeholders(subteam)) {
    if (stakeholder.sync) continue;
    findings.push({
      severity: 'info',
      check: 'stakeholder-without-sync',
      entityRef,
      path: `spec.stakeholders[${stakeholder.index}]`,
      message: `No sync is defined with ${stakeholder.ref}; write the entry as { group, sync: weekly|biweekly|monthly, channel, intake } so the group knows when it meets the subteam and how to bring requests.`,
      related: [stakeholder.ref],
    });
  }
}
