import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import type {
  FindingGroup,
  SubteamEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import {
  ContactDetails,
  LabelledValue,
  OnCallList,
  PolicySummary,
  RefLink,
  RefLinkList,
  SeverityChip,
  domainTitle,
  refList,
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
  if (groups.length === 0) return <>No findings.</>;
  const affected = new Set(groups.flatMap(g => g.affected)).size;
  const worst = groups[0].severity; // groups come worst first
  return (
    <>
      <SeverityChip severity={worst} />{' '}
      {groups.length} {groups.length === 1 ? 'problem' : 'problems'} to fix, affecting{' '}
      {affected} {affected === 1 ? 'entity' : 'entities'}: see Checks.
    </>
  );
}

/**
 * A Subteam at a glance: domain, lead and members, owned services, rotations
 * with who is on call now, stakeholders, contact, default escalation policy,
 * and how many problems the checks found.
 */
export function SubteamOverviewCard() {
  const { entity } = useEntity();
  const api = useApi(dataInfraApiRef);
  const domains = useDomains();
  const entityRef = stringifyEntityRef(entity);
  const spec: Partial<SubteamEntityV1alpha1['spec']> = entity.spec ?? {};
  const members = refList(spec.members);
  const services = getEntityRelations(entity, 'ownerOf', {
    kind: 'dataservice',
  }).map(stringifyEntityRef);

  // The Checks card on the same page asks the same question at the same
  // time; the client sends it once.
  const live = useAsync(async () => {
    const [onCall, checks] = await Promise.all([
      api.getOnCall({ owner: entityRef }),
      api.getChecks({ entityRef }),
    ]);
    return { rotations: onCall.rotations, groups: checks.groups };
  }, [api, entityRef]);

  return (
    <InfoCard title="Subteam overview">
      <LabelledValue label="Domain">{domainTitle(domains, spec.domain)}</LabelledValue>
      <LabelledValue label="Lead">
        {spec.lead ? <RefLink entityRef={spec.lead} defaultKind="user" /> : 'No lead named'}
      </LabelledValue>
      <LabelledValue label={`Members (${members.length})`}>
        <RefLinkList entityRefs={members} defaultKind="user" />
      </LabelledValue>
      <LabelledValue label="Stakeholders">
        <RefLinkList entityRefs={refList(spec.stakeholders)} defaultKind="group" />
      </LabelledValue>
      <LabelledValue label="Contact">
        <ContactDetails contact={spec.contact} />
      </LabelledValue>
      <LabelledValue label={`Services (${services.length})`}>
        <RefLinkList
          entityRefs={services.slice(0, SERVICES_LISTED)}
          emptyText="Owns no DataService."
        />
        <MoreInServiceCatalog owner={entityRef} count={services.length - SERVICES_LISTED} />
      </LabelledValue>
      <LabelledValue label="Default escalation">
        <PolicySummary policy={spec.escalation} />
      </LabelledValue>
      {(() => {
        if (live.loading) return <Progress />;
        if (live.error) return <ResponseErrorPanel error={live.error} />;
        const { rotations = [], groups = [] } = live.value ?? {};
        return (
          <>
            <LabelledValue label="Rotations">
              {rotations.length === 0
                ? 'No rotation: alerts follow the escalation policy.'
                : rotations.map(r => (
                    <div key={r.rotation.ref}>
                      <RefLink entityRef={r.rotation.ref} title={r.rotation.title} />{' '}
                      ({r.rotation.timezone})
                      <OnCallList onCall={r.onCall} />
                    </div>
                  ))}
            </LabelledValue>
            <LabelledValue label="Checks">
              <ChecksSummary groups={groups} />
            </LabelledValue>
          </>
        );
      })()}
    </InfoCard>
  );
}
