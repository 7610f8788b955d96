import type { Entity } from '@backstage/catalog-model';
import { subteamStakeholders, type StakeholderSync } from '@data-infra/backstage-plugin-data-infra-common';
import { Fragment } from 'react';
import { useDataInfraTranslation } from '../../hooks';
import { RefLink, SafeLink } from '../shared';

/**
 * A Subteam's stakeholder groups, one per line: the group, its sync cadence
 * and where the sync happens, then its intake channels. Channels come from
 * the catalog: links only through SafeLink.
 */
export function StakeholderList(props: { subteam: Entity }) {
  const { t } = useDataInfraTranslation();
  const stakeholders = subteamStakeholders(props.subteam);
  const cadence: Record<StakeholderSync, string> = {
    weekly: t('subteamOverviewCard.syncWeekly'),
    biweekly: t('subteamOverviewCard.syncBiweekly'),
    monthly: t('subteamOverviewCard.syncMonthly'),
  };
  if (stakeholders.length === 0) return <>—</>;
  return (
    <ul aria-label={t('common.labels.stakeholders')} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {stakeholders.map(s => (
        <li key={`${s.ref}-${s.index}`} style={{ overflowWrap: 'anywhere' }}>
          <RefLink entityRef={s.ref} defaultKind="group" />
          {': '}
          {s.sync ? cadence[s.sync] : t('subteamOverviewCard.noSync')}
          {s.channel && (
            <>
              {` ${t('subteamOverviewCard.syncIn')} `}
              <SafeLink href={s.channel} />
            </>
          )}
          {s.intake.length > 0 && (
            <span style={{ display: 'block' }}>
              {`${t('subteamOverviewCard.intake')} `}
              {s.intake.map((channel, i) => (
                <Fragment key={i}>
                  {i > 0 && ', '}
                  <SafeLink href={channel} />
                </Fragment>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
