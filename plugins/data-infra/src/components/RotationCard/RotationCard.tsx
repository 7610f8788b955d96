import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { RotationEntityV1alpha1 } from '@data-infra/backstage-plugin-data-infra-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import {
  LabelledValue,
  OnCallList,
  RefLink,
  formatInstantIn,
  viewerZone,
} from '../shared';
import { CalendarSubscription } from './CalendarSubscription';
import { ShiftTable } from './ShiftTable';

/** How far ahead the card lists shifts. */
const UPCOMING_DAYS = 28;

function coverageText(coverage: RotationEntityV1alpha1['spec']['coverage']): string {
  if (!Array.isArray(coverage) || coverage.length === 0) return '24x7';
  return coverage
    .map(w => `${(w.days ?? []).join(', ')} ${w.from}–${w.to}`)
    .join('; ');
}

/**
 * A Rotation: who is on call now and the next hand-off, the shifts of the
 * next four weeks in the viewer's zone (the rotation's zone shown beside),
 * its overrides and coverage windows, and its iCalendar feed.
 */
export function RotationCard() {
  const { entity } = useEntity();
  const api = useApi(dataInfraApiRef);
  const entityRef = stringifyEntityRef(entity);
  const spec: Partial<RotationEntityV1alpha1['spec']> = entity.spec ?? {};
  const zone = viewerZone();
  // Fixed at mount so that re-renders do not refetch a moving window.
  const [window] = useState(() => {
    const from = new Date();
    const to = new Date(from.getTime() + UPCOMING_DAYS * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  });

  const { value, loading, error } = useAsync(async () => {
    const [onCall, shifts] = await Promise.all([
      api.getOnCall(),
      api.getShifts(entityRef, window),
    ]);
    const now = onCall.rotations.find(
      r => r.rotation.ref.toLocaleLowerCase('en-US') === entityRef.toLocaleLowerCase('en-US'),
    );
    return { now, shifts };
  }, [api, entityRef, window]);

  const overrides = Array.isArray(spec.overrides) ? spec.overrides : [];

  return (
    <InfoCard title="On call">
      <Typography variant="body2" color="textSecondary" paragraph>
        Times in your zone ({zone}); the rotation runs in{' '}
        {spec.timezone ?? 'an unstated zone'}.
      </Typography>
      <LabelledValue label="Owner">
        <RefLink entityRef={spec.owner} defaultKind="subteam" />
      </LabelledValue>
      <LabelledValue label="Coverage">{coverageText(spec.coverage)}</LabelledValue>
      <LabelledValue label="Overrides">
        {overrides.length === 0
          ? 'None'
          : overrides.map((o, i) => (
              <div key={i}>
                {o.start} – {o.end} ({spec.timezone ?? 'rotation zone'}):{' '}
                <RefLink entityRef={o.user} defaultKind="user" /> as{' '}
                {o.role ?? 'primary'}
              </div>
            ))}
      </LabelledValue>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value) return null;
        return (
          <>
            <LabelledValue label="On call now">
              <OnCallList onCall={value.now?.onCall ?? []} zone={zone} />
            </LabelledValue>
            <LabelledValue label="Next hand-off">
              {value.now?.nextHandoff
                ? formatInstantIn(value.now.nextHandoff, zone)
                : 'None foreseen'}
            </LabelledValue>
            <LabelledValue label="Calendar">
              <CalendarSubscription rotationRef={entityRef} />
            </LabelledValue>
            <Typography variant="subtitle2" style={{ marginTop: 16 }}>
              Next {UPCOMING_DAYS / 7} weeks
              {value.shifts.truncated && ' (list cut short)'}
            </Typography>
            {value.shifts.shifts.length === 0 ? (
              <Typography variant="body2">
                No shifts in the next {UPCOMING_DAYS / 7} weeks.
              </Typography>
            ) : (
              <ShiftTable shifts={value.shifts.shifts} zone={zone} />
            )}
          </>
        );
      })()}
    </InfoCard>
  );
}
