import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import {
  RefLink,
  formatDurationMs,
  formatInstantIn,
  localInputToIso,
  viewerZone,
} from '../shared';
import { EscalationTimeline } from './EscalationTimeline';
import { groupFindings } from '@data-infra/backstage-plugin-data-infra-common';
import { FindingGroupList } from '../ChecksCard/FindingGroupList';

/**
 * Whom an alert on this DataService (or, on a Subteam, its default policy)
 * pages and after how long, as it stands now or at another time the viewer
 * picks. With `showFindings`, also the findings about this path (for the
 * Escalation tab; on the overview the Checks card shows them).
 */
export function EscalationPathCard(props: { showFindings?: boolean }) {
  const { entity } = useEntity();
  const api = useApi(dataInfraApiRef);
  const entityRef = stringifyEntityRef(entity);
  const zone = viewerZone();
  // The datetime-local value, a wall-clock time in the viewer's zone; empty = now.
  const [atInput, setAtInput] = useState('');
  const inputId = useId();
  const at = localInputToIso(atInput, zone);

  const { value, loading, error } = useAsync(
    () => api.getEscalation(entityRef, at ? { at } : undefined),
    [api, entityRef, at],
  );

  return (
    <InfoCard title="Escalation path">
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <TextField
          id={inputId}
          label="At another time"
          type="datetime-local"
          value={atInput}
          onChange={e => setAtInput(e.target.value)}
          InputLabelProps={{ shrink: true }}
          helperText={`Your time zone: ${zone}`}
        />
        {atInput && (
          <Button size="small" onClick={() => setAtInput('')}>
            Now
          </Button>
        )}
      </Box>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value || value.levels.length === 0) {
          return (
            <Typography variant="body2">
              No escalation policy applies to this entity: neither it nor its
              owner subteam declares spec.escalation.
            </Typography>
          );
        }
        return (
          <>
            <Typography variant="body2" color="textSecondary">
              As of {formatInstantIn(value.at, zone)}
              {value.inherited && value.policyRef && (
                <>
                  {' · policy inherited from '}
                  <RefLink entityRef={value.policyRef} />
                </>
              )}
              {value.repeat > 0 &&
                ` · repeats ${value.repeat} time${value.repeat > 1 ? 's' : ''}`}
              {value.firstReachableAfterMs === null
                ? ' · nobody is reachable'
                : ` · first person reached after ${formatDurationMs(
                    value.firstReachableAfterMs,
                  )}`}
            </Typography>
            <EscalationTimeline escalation={value} zone={zone} />
            {props.showFindings && value.findings.length > 0 && (
              <FindingGroupList groups={groupFindings(value.findings)} entityRef={entityRef} />
            )}
          </>
        );
      })()}
    </InfoCard>
  );
}
