import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useChecks, useDataInfraTranslation } from '../../hooks';
import { FindingGroupList } from './FindingGroupList';

/**
 * The findings ("checking escalation paths") that concern this entity,
 * grouped by cause: a subteam without a rotation is one problem however many
 * of its services it leaves without cover.
 */
export function ChecksCard() {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useChecks(entityRef);

  return (
    <InfoCard title={t('checksCard.title')}>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value || value.groups.length === 0) {
          return (
            <Typography variant="body2">
              {t('checksCard.noFindings')}
            </Typography>
          );
        }
        return <FindingGroupList groups={value.groups} entityRef={entityRef} />;
      })()}
    </InfoCard>
  );
}
