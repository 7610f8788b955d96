import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { SubteamEntityV1alpha1 } from '@data-infra/backstage-plugin-data-infra-common';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import { FindingList } from '../ChecksCard/FindingList';
import {
  ContactDetails,
  LabelledValue,
  OnCallList,
  PolicySummary,
  RefLink,
  RefLinkList,
  domainTitle,
  refList,
  useDomains,
} from '../shared';

/** The seed's promotion rule: from this many members a subteam needs a lead. */
const LEAD_REQUIRED_FROM = 3;

/**
 * A Subteam at a glance: domain, lead and members, owned services, rotations
 * with who is on call now, stakeholders, default escalation policy, findings.
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

  const live = useAsync(async () => {
    const [onCall, checks] = await Promise.all([
      api.getOnCall(),
      api.getChecks({ entityRef }),
    ]);
    return {
      rotations: onCall.rotations.filter(r => r.owner?.ref === entityRef),
      findings: checks.findings,
    };
  }, [api, entityRef]);

  return (
    <InfoCard title="Subteam overview">
      <LabelledValue label="Domain">{domainTitle(domains, spec.domain)}</LabelledValue>
      <LabelledValue label="Lead">
        {spec.lead ? <RefLink entityRef={spec.lead} defaultKind="user" /> : 'No lead named'}
      </LabelledValue>
      {!spec.lead && members.length >= LEAD_REQUIRED_FROM && (
        <Alert severity="warning">
          {members.length} members and no lead: a subteam of {LEAD_REQUIRED_FROM}{' '}
          or more members needs a lead.
        </Alert>
      )}
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
        <RefLinkList entityRefs={services} emptyText="Owns no DataService." />
      </LabelledValue>
      <LabelledValue label="Default escalation">
        <PolicySummary policy={spec.escalation} />
      </LabelledValue>
      {(() => {
        if (live.loading) return <Progress />;
        if (live.error) return <ResponseErrorPanel error={live.error} />;
        const { rotations = [], findings = [] } = live.value ?? {};
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
            {findings.length === 0 ? (
              <Typography variant="body2">No findings for this subteam.</Typography>
            ) : (
              <FindingList findings={findings} />
            )}
          </>
        );
      })()}
    </InfoCard>
  );
}
