import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { useId, useState } from 'react';
import {
  RefLink,
  formatDurationMs,
  formatInstantIn,
  localInputToIso,
  viewerZone,
} from '../shared';
import { EscalationTimeline } from './EscalationTimeline';
import { useEscalation } from './useEscalation';
import { groupFindings } from '@data-infra/backstage-plugin-data-infra-common';
import { FindingGroupList } from '../ChecksCard/FindingGroupList';
import { useDataInfraTranslation } from '../../hooks';

/**
 * Whom an alert on this DataService (or, on a Subteam, its default policy)
 * pages and after how long, as it stands now or at another time the viewer
 * picks. With `showFindings`, also the findings about this path (for the
 * Escalation tab; on the overview the Checks card shows them).
 */
export function EscalationPathCard(props: { showFindings?: boolean }) {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
  const entityRef = stringifyEntityRef(entity);
  const zone = viewerZone();
  // The datetime-local value, a wall-clock time in the viewer's zone; empty = now.
  const [atInput, setAtInput] = useState('');
  const inputId = useId();
  const at = localInputToIso(atInput, zone);

  const { value, loading, error } = useEscalation(entityRef, at);

  return (
    <InfoCard title={t('escalationPathCard.title')}>
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <TextField
          id={inputId}
          label={t('escalationPathCard.atAnotherTime')}
          type="datetime-local"
          value={atInput}
          onChange={e => setAtInput(e.target.value)}
          InputLabelProps={{ shrink: true }}
          helperText={t('escalationPathCard.yourTimeZone', { zone })}
        />
        {atInput && (
          <Button size="small" onClick={() => setAtInput('')}>
            {t('escalationPathCard.now')}
          </Button>
        )}
      </Box>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value || value.levels.length === 0) {
          return (
            <Typography variant="body2">
              {t('escalationPathCard.noPolicy')}
            </Typography>
          );
        }
        return (
          <>
            <Typography variant="body2" color="textSecondary">
              {t('escalationPathCard.asOf', { time: formatInstantIn(value.at, zone) })}
              {value.inherited &&
                value.policyRef &&
                t('escalationPathCard.inheritedFrom', { policy: <RefLink entityRef={value.policyRef} /> })}
              {value.repeat > 0 && t('escalationPathCard.repeats', { count: value.repeat })}
              {value.firstReachableAfterMs === null
                ? t('escalationPathCard.nobodyReachable')
                : t('escalationPathCard.firstReachedAfter', {
                    duration: formatDurationMs(value.firstReachableAfterMs),
                  })}
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
