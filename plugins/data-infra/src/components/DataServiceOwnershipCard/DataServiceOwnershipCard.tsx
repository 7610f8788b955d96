import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { RELATION_OWNED_BY, stringifyEntityRef } from '@backstage/catalog-model';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  RELATION_SERVES,
  subteamMemberRefs,
  subteamStakeholderRefs,
  type SubteamEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import {
  ContactDetails,
  LabelledValue,
  RefLink,
  RefLinkList,
  domainTitle,
  useDomains,
} from '../shared';
import { useOwnerSubteam } from './useOwnerSubteam';
import { useDataInfraTranslation } from '../../hooks';

/**
 * Who owns a DataService: its domain, its subteam with lead and members, the
 * subteam's stakeholders, the service's consumers, and how to reach them.
 */
export function DataServiceOwnershipCard() {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
  const domains = useDomains();
  // The owner and the consumers as the catalog processor resolved them
  // from spec.owner and spec.consumers (the DataService descriptor's
  // reference fields): its relations, full refs already.
  const ownerRef = getEntityRelations(entity, RELATION_OWNED_BY, { kind: 'subteam' }).map(stringifyEntityRef)[0];
  const consumers = getEntityRelations(entity, RELATION_SERVES).map(stringifyEntityRef);

  const { value: owner, loading, error } = useOwnerSubteam(ownerRef);

  return (
    <InfoCard title={t('ownershipCard.title')}>
      {(() => {
        if (!ownerRef) {
          return (
            <Typography variant="body2">
              {t('ownershipCard.noOwner')}
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
                {t('ownershipCard.ownerMissing', { owner: ownerRef })}
              </Typography>
            )}
            <LabelledValue label={t('common.labels.domain')}>
              {domainTitle(domains, ownerSpec.domain)}
            </LabelledValue>
            <LabelledValue label={t('ownershipCard.subteam')}>
              <RefLink
                entityRef={ownerRef}
                defaultKind="subteam"
                title={owner?.metadata.title ?? owner?.metadata.name}
              />
            </LabelledValue>
            <LabelledValue label={t('common.labels.lead')}>
              {ownerSpec.lead ? (
                <RefLink entityRef={ownerSpec.lead} defaultKind="user" />
              ) : (
                t('common.noLeadNamed')
              )}
            </LabelledValue>
            <LabelledValue label={t('common.labels.members')}>
              <RefLinkList
                entityRefs={owner ? subteamMemberRefs(owner) : []}
                defaultKind="user"
              />
            </LabelledValue>
            <LabelledValue label={t('common.labels.stakeholders')}>
              <RefLinkList
                entityRefs={owner ? subteamStakeholderRefs(owner) : []}
                defaultKind="group"
              />
            </LabelledValue>
            <LabelledValue label={t('ownershipCard.consumers')}>
              <RefLinkList
                entityRefs={consumers}
                defaultKind="group"
              />
            </LabelledValue>
            <LabelledValue label={t('common.labels.contact')}>
              <ContactDetails contact={ownerSpec.contact} />
            </LabelledValue>
          </>
        );
      })()}
    </InfoCard>
  );
}
