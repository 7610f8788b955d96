import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  describeWindows,
  type OnCallRole,
  type RotationEntityV1alpha1,
  type ShiftsResponse,
} from '@data-infra/backstage-plugin-data-infra-common';
import { DateTime } from 'luxon';
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
import { handoffRhythm } from './rhythm';
import { ShiftTable } from './ShiftTable';
import { ShiftTimeline } from './ShiftTimeline';

/** How far ahead the card shows shifts. */
const UPCOMING_DAYS = 28;

function coverageText(spec: Partial<RotationEntityV1alpha1['spec']>): string {
  const coverage = spec.coverage;
  if (!Array.isArray(coverage) || coverage.length === 0) return 'Around the clock (24x7)';
  try {
    return describeWindows(coverage, spec.timezone ?? 'UTC');
  } catch {
    return 'Not readable';
  }
}

/** An override's local times, read in the rotation's zone. */
function overrideText(start: unknown, end: unknown, zone: string): string {
  if (typeof start !== 'string' || typeof end !== 'string') return `${start ?? '?'} – ${end ?? '?'}`;
  const a = DateTime.fromISO(start, { zone }).setLocale('en-GB');
  const b = DateTime.fromISO(end, { zone }).setLocale('en-GB');
  if (!a.isValid || !b.isValid) return `${start} – ${end}`;
  return `${a.toFormat('ccc d LLL yyyy HH:mm')} – ${b.toFormat('ccc d LLL yyyy HH:mm')} (${zone})`;
}

/**
 * The participants in rotation order, marking who holds a role now and who
 * takes primary at the next hand-off.
 */
function Participants(props: {
  shifts: ShiftsResponse;
  onCall: OnCallRole[];
  nextHandoff: string | null;
}) {
  const { shifts, onCall, nextHandoff } = props;
  const next = nextHandoff
    ? shifts.shifts.find(s => s.role === 'primary' && Date.parse(s.start) >= Date.parse(nextHandoff))
    : undefined;
  if (shifts.participants.length === 0) return <>None</>;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {shifts.participants.map(person => {
        const roles = onCall.filter(o => o.user.ref === person.ref).map(o => o.role);
        return (
          <li key={person.ref} style={{ marginBottom: 2 }}>
            <RefLink entityRef={person.ref} title={person.displayName} />
            {roles.map(role => (
              <Chip key={role} size="small" color="primary" label={`${role} now`} style={{ marginLeft: 8 }} />
            ))}
            {next?.user.ref === person.ref && (
              <Chip size="small" variant="outlined" label="next primary" style={{ marginLeft: 8 }} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A Rotation: who is on call now and the next hand-off, when it hands off
 * (in words), its participants in order with who is next, its coverage and
 * overrides, four weeks of shifts as a timeline (with the same shifts as a
 * table), and the viewer's calendar subscription link.
 */
export function RotationCard() {
  const { entity } = useEntity();
  const api = useApi(dataInfraApiRef);
  const entityRef = stringifyEntityRef(entity);
  const spec: Partial<RotationEntityV1alpha1['spec']> = entity.spec ?? {};
  const zone = viewerZone();
  const rotationZone = spec.timezone ?? 'UTC';
  // Fixed at mount so that re-renders do not refetch a moving window: from
  // the start of the viewer's day, four weeks.
  const [window] = useState(() => {
    const from = DateTime.now().setZone(zone).startOf('day');
    return {
      now: Date.now(),
      from: from.toUTC().toISO()!,
      to: from.plus({ days: UPCOMING_DAYS }).toUTC().toISO()!,
    };
  });

  const { value, loading, error } = useAsync(async () => {
    const [onCall, shifts] = await Promise.all([
      api.getOnCall({ rotation: entityRef }),
      api.getShifts(entityRef, { from: window.from, to: window.to }),
    ]);
    const now = onCall.rotations.find(
      r => r.rotation.ref.toLocaleLowerCase('en-US') === entityRef.toLocaleLowerCase('en-US'),
    );
    return { now, shifts };
  }, [api, entityRef, window]);

  // Overrides still ahead or running (a half-filled one is shown as written).
  const overrides = (Array.isArray(spec.overrides) ? spec.overrides : []).filter(
    o => typeof o?.end !== 'string' || !(DateTime.fromISO(o.end, { zone: rotationZone }).toMillis() < window.now),
  );
  const depth = spec.depth === 1 ? 1 : 2;

  return (
    <InfoCard title="On call">
      <LabelledValue label="Owner">
        <RefLink entityRef={spec.owner} defaultKind="subteam" />
      </LabelledValue>
      <LabelledValue label="Hands off">
        {handoffRhythm(spec) ?? 'Not readable from spec.start and spec.shiftLength'}
        {' · '}
        {depth === 1 ? 'primary only' : 'primary and secondary'}
      </LabelledValue>
      <LabelledValue label="Coverage">{coverageText(spec)}</LabelledValue>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value) return null;
        const { shifts } = value;
        return (
          <>
            <LabelledValue label="On call now">
              <OnCallList onCall={value.now?.onCall ?? []} zone={zone} />
            </LabelledValue>
            <LabelledValue label="Next hand-off">
              {value.now?.nextHandoff ? formatInstantIn(value.now.nextHandoff, zone) : 'None foreseen'}
            </LabelledValue>
            <LabelledValue label="Participants, in order">
              <Participants
                shifts={shifts}
                onCall={value.now?.onCall ?? []}
                nextHandoff={value.now?.nextHandoff ?? null}
              />
            </LabelledValue>
            <LabelledValue label="Overrides">
              {overrides.length === 0
                ? 'None ahead'
                : overrides.map((o, i) => (
                    <div key={i}>
                      {overrideText(o.start, o.end, rotationZone)}:{' '}
                      <RefLink entityRef={o.user} defaultKind="user" /> as {o.role ?? 'primary'}
                    </div>
                  ))}
            </LabelledValue>
            <LabelledValue label="Calendar">
              <CalendarSubscription rotationRef={entityRef} />
            </LabelledValue>
            <Typography variant="subtitle2" style={{ margin: '16px 0 8px' }}>
              Next {UPCOMING_DAYS / 7} weeks
              {shifts.truncated && ' (list cut short)'}
            </Typography>
            {shifts.shifts.length === 0 ? (
              <Typography variant="body2">
                No shifts in the next {UPCOMING_DAYS / 7} weeks.
              </Typography>
            ) : (
              <>
                <ShiftTimeline
                  shifts={shifts.shifts}
                  from={window.from}
                  to={window.to}
                  now={window.now}
                  zone={zone}
                  rotationZone={rotationZone}
                  roles={depth === 1 ? ['primary'] : ['primary', 'secondary']}
                />
                <Accordion style={{ marginTop: 16 }} TransitionProps={{ unmountOnExit: false }}>
                  <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                    <Typography variant="body2">
                      The same shifts as a table ({shifts.shifts.length})
                    </Typography>
                  </AccordionSummary>
                  <AccordionDetails>
                    <ShiftTable shifts={shifts.shifts} zone={zone} />
                  </AccordionDetails>
                </Accordion>
              </>
            )}
          </>
        );
      })()}
    </InfoCard>
  );
}
