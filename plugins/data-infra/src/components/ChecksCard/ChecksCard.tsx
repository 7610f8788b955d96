import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import { FindingGroupList } from './FindingGroupList';

/**
 * The findings ("checking escalation paths") that concern this entity,
 * grouped by cause: a subteam without a rotation is one problem however many
 * of its services it leaves without cover.
 */
export function ChecksCard() {
  const { entity } = useEntity();
  const api = useApi(dataInfraApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getChecks({ entityRef }),
    [api, entityRef],
  );

  return (
    <InfoCard title="Checks">
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value || value.groups.length === 0) {
          return (
            <Typography variant="body2">
              No findings: ownership and escalation look complete.
            </Typography>
          );
        }
        return <FindingGroupList groups={value.groups} entityRef={entityRef} />;
      })()}
    </InfoCard>
  );
}
