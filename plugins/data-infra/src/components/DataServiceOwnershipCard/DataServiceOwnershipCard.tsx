import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  normaliseEntityRef,
  type SubteamEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import useAsync from 'react-use/esm/useAsync';
import {
  ContactDetails,
  LabelledValue,
  RefLink,
  RefLinkList,
  domainTitle,
  refList,
  useDomains,
} from '../shared';

/**
 * Who owns a DataService: its domain, its subteam with lead and members, the
 * subteam's stakeholders, the service's consumers, and how to reach them.
 */
export function DataServiceOwnershipCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const domains = useDomains();
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ownerRef = normaliseEntityRef(spec.owner, {
    defaultKind: 'subteam',
    defaultNamespace: entity.metadata.namespace ?? 'default',
  });

  const {
    value: owner,
    loading,
    error,
  } = useAsync(async () => {
    if (!ownerRef) return undefined;
    const found = await catalogApi.getEntityByRef(ownerRef);
    return found as SubteamEntityV1alpha1 | undefined;
  }, [catalogApi, ownerRef]);

  return (
    <InfoCard title="Ownership">
      {(() => {
        if (!ownerRef) {
          return (
            <Typography variant="body2">
              This service names no owner subteam (spec.owner).
            </Typography>
          );
        }
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        const ownerSpec: Partial<SubteamEntityV1alpha1['spec']> =
          owner?.spec ?? {};
        return (
          <>
            {!owner && (
              <Typography variant="body2" color="error" paragraph>
                The owner {ownerRef} is not in the catalog.
              </Typography>
            )}
            <LabelledValue label="Domain">
              {domainTitle(domains, ownerSpec.domain)}
            </LabelledValue>
            <LabelledValue label="Subteam">
              <RefLink
                entityRef={ownerRef}
                defaultKind="subteam"
                title={owner?.metadata.title ?? owner?.metadata.name}
              />
            </LabelledValue>
            <LabelledValue label="Lead">
              {ownerSpec.lead ? (
                <RefLink entityRef={ownerSpec.lead} defaultKind="user" />
              ) : (
                'No lead named'
              )}
            </LabelledValue>
            <LabelledValue label="Members">
              <RefLinkList
                entityRefs={refList(ownerSpec.members)}
                defaultKind="user"
              />
            </LabelledValue>
            <LabelledValue label="Stakeholders">
              <RefLinkList
                entityRefs={refList(ownerSpec.stakeholders)}
                defaultKind="group"
              />
            </LabelledValue>
            <LabelledValue label="Consumers">
              <RefLinkList
                entityRefs={refList(spec.consumers)}
                defaultKind="group"
              />
            </LabelledValue>
            <LabelledValue label="Contact">
              <ContactDetails contact={ownerSpec.contact} />
            </LabelledValue>
          </>
        );
      })()}
    </InfoCard>
  );
}
