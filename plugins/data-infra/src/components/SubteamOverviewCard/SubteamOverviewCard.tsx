import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import type {
  FindingGroup,
  SubteamEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import { subteamMemberRefs } from '@data-infra/backstage-plugin-data-infra-common';
import { StakeholderList } from './StakeholderList';
import { useChecks, useOnCall, useDataInfraTranslation } from '../../hooks';
import {
  ContactDetails,
  LabelledValue,
  OnCallLoadChart,
  OnCallList,
  PolicySummary,
  RefLink,
  RefLinkList,
  SeverityChip,
  domainTitle,
  useDomains,
  MoreInServiceCatalog,
} from '../shared';

/** Owned services listed by name before "and N more". */
const SERVICES_LISTED = 12;

/**
 * The findings in one line: how many problems, how bad, and how many
 * entities they affect. The Checks card beside it lists them; this card
 * does not repeat them.
 */
function ChecksSummary(props: { groups: FindingGroup[] }) {
  const { groups } = props;
  const { t } = useDataInfraTranslation();
  if (groups.length === 0) return <>{t('subteamOverviewCard.noFindings')}</>;
  const affected = new Set(groups.flatMap(g => g.affected)).size;
  const worst = groups[0].severity; // groups come worst first
  return (
    <>
      <SeverityChip severity={worst} />{' '}
      {t('subteamOverviewCard.problems', {
        count: groups.length,
        entities: t('subteamOverviewCard.entities', { count: affected }),
      })}
    </>
  );
}

/**
 * A Subteam at a glance: domain, lead and members, owned services, rotations
 * with who is on call now and their on-call load, stakeholders, contact, default escalation policy,
 * and how many problems the checks found.
 */
export function SubteamOverviewCard() {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
  const domains = useDomains();
  const entityRef = stringifyEntityRef(entity);
  const spec: Partial<SubteamEntityV1alpha1['spec']> = entity.spec ?? {};
  const members = subteamMemberRefs(entity);
  const services = getEntityRelations(entity, 'ownerOf', {
    kind: 'dataservice',
  }).map(stringifyEntityRef);

  // Only this subteam's rotations, with their on-call load in the same
  // answer. The Checks card on the same page asks the same checks question
  // at the same time; the client sends it once.
  const onCall = useOnCall({ owner: entityRef, load: true });
  const checks = useChecks(entityRef);
  const liveLoading = onCall.loading || checks.loading;
  const liveError = onCall.error ?? checks.error;

  return (
    <InfoCard title={t('subteamOverviewCard.title')}>
      <LabelledValue label={t('common.labels.domain')}>{domainTitle(domains, spec.domain)}</LabelledValue>
      <LabelledValue label={t('common.labels.lead')}>
        {spec.lead ? <RefLink entityRef={spec.lead} defaultKind="user" /> : t('common.noLeadNamed')}
      </LabelledValue>
      <LabelledValue label={t('subteamOverviewCard.membersCount', { count: members.length })}>
        <RefLinkList entityRefs={members} defaultKind="user" />
      </LabelledValue>
      <LabelledValue label={t('common.labels.stakeholders')}>
        <StakeholderList subteam={entity} />
      </LabelledValue>
      <LabelledValue label={t('common.labels.contact')}>
        <ContactDetails contact={spec.contact} />
      </LabelledValue>
      <LabelledValue label={t('subteamOverviewCard.servicesCount', { count: services.length })}>
        <RefLinkList
          entityRefs={services.slice(0, SERVICES_LISTED)}
          emptyText={t('subteamOverviewCard.ownsNoService')}
        />
        <MoreInServiceCatalog owner={entityRef} count={services.length - SERVICES_LISTED} />
      </LabelledValue>
      <LabelledValue label={t('subteamOverviewCard.defaultEscalation')}>
        <PolicySummary policy={spec.escalation} />
      </LabelledValue>
      {(() => {
        if (liveLoading) return <Progress />;
        if (liveError) return <ResponseErrorPanel error={liveError} />;
        const rotations = onCall.value?.rotations ?? [];
        const groups = checks.value?.groups ?? [];
        return (
          <>
            <LabelledValue label={t('subteamOverviewCard.rotations')}>
              {rotations.length === 0
                ? t('subteamOverviewCard.noRotation')
                : rotations.map(r => (
                    <div key={r.rotation.ref}>
                      <RefLink entityRef={r.rotation.ref} title={r.rotation.title} />{' '}
                      ({r.rotation.timezone})
                      <OnCallList onCall={r.onCall} />
                      <OnCallLoadChart
                        load={r.load}
                        label={t('onCallLoad.rotationLabel', { rotation: r.rotation.title })}
                      />
                    </div>
                  ))}
            </LabelledValue>
            <LabelledValue label={t('common.labels.checks')}>
              <ChecksSummary groups={groups} />
            </LabelledValue>
          </>
        );
      })()}
    </InfoCard>
  );
}
