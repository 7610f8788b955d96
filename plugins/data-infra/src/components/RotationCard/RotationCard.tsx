import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { RELATION_OWNED_BY, stringifyEntityRef } from '@backstage/catalog-model';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
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
import { useOnCall, useDataInfraTranslation, type DataInfraT } from '../../hooks';
import {
  LabelledValue,
  OnCallLoadChart,
  OnCallList,
  RefLink,
  formatInstantIn,
  viewerZone,
} from '../shared';
import { CalendarSubscription } from './CalendarSubscription';
import { handoffRhythm } from './rhythm';
import { ShiftTable } from './ShiftTable';
import { ShiftTimeline } from './ShiftTimeline';
import { useShifts } from './useShifts';

/** How far ahead the card shows shifts. */
const UPCOMING_DAYS = 28;

function coverageText(spec: Partial<RotationEntityV1alpha1['spec']>, t: DataInfraT): string {
  const coverage = spec.coverage;
  if (!Array.isArray(coverage) || coverage.length === 0) return t('rotationCard.aroundTheClock');
  try {
    return describeWindows(coverage, spec.timezone ?? 'UTC');
  } catch {
    return t('rotationCard.notReadable');
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
  const { t } = useDataInfraTranslation();
  const next = nextHandoff
    ? shifts.shifts.find(s => s.role === 'primary' && Date.parse(s.start) >= Date.parse(nextHandoff))
    : undefined;
  if (shifts.participants.length === 0) return <>{t('rotationCard.noParticipants')}</>;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {shifts.participants.map(person => {
        const roles = onCall.filter(o => o.user.ref === person.ref).map(o => o.role);
        return (
          <li key={person.ref} style={{ marginBottom: 2 }}>
            <RefLink entityRef={person.ref} title={person.displayName} />
            {roles.map(role => (
              <Chip key={role} size="small" color="primary" label={t('rotationCard.roleNow', { role: t(`common.roleName.${role}`) })} style={{ marginLeft: 8 }} />
            ))}
            {next?.user.ref === person.ref && (
              <Chip size="small" variant="outlined" label={t('rotationCard.nextPrimary')} style={{ marginLeft: 8 }} />
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
 * overrides, the on-call load per person (from the /shifts answer), four
 * weeks of shifts as a timeline (with the same shifts as a
 * table), and the viewer's calendar subscription link.
 */
export function RotationCard() {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
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

  // This rotation only (GET /oncall?rotation=), and its shifts.
  const onCall = useOnCall({ rotation: entityRef });
  const shiftsAnswer = useShifts(entityRef, window.from, window.to);
  const loading = onCall.loading || shiftsAnswer.loading;
  const error = onCall.error ?? shiftsAnswer.error;
  const value =
    onCall.value && shiftsAnswer.value
      ? {
          now: onCall.value.rotations.find(
            r => r.rotation.ref.toLocaleLowerCase('en-US') === entityRef.toLocaleLowerCase('en-US'),
          ),
          shifts: shiftsAnswer.value,
        }
      : undefined;

  // Overrides still ahead or running (a half-filled one is shown as written).
  const overrides = (Array.isArray(spec.overrides) ? spec.overrides : []).filter(
    o => typeof o?.end !== 'string' || !(DateTime.fromISO(o.end, { zone: rotationZone }).toMillis() < window.now),
  );
  const depth = spec.depth === 1 ? 1 : 2;

  return (
    <InfoCard title={t('rotationCard.title')}>
      <LabelledValue label={t('common.labels.owner')}>
        {/* The ownedBy relation the catalog processor resolved from spec.owner. */}
        <RefLink entityRef={getEntityRelations(entity, RELATION_OWNED_BY, { kind: 'subteam' }).map(stringifyEntityRef)[0]} />
      </LabelledValue>
      <LabelledValue label={t('rotationCard.handsOff')}>
        {handoffRhythm(spec) ?? t('rotationCard.handsOffUnreadable')}
        {' · '}
        {depth === 1 ? t('rotationCard.primaryOnly') : t('rotationCard.primaryAndSecondary')}
      </LabelledValue>
      <LabelledValue label={t('rotationCard.coverage')}>{coverageText(spec, t)}</LabelledValue>
      {(() => {
        if (loading) return <Progress />;
        if (error) return <ResponseErrorPanel error={error} />;
        if (!value) return null;
        const { shifts } = value;
        return (
          <>
            <LabelledValue label={t('rotationCard.onCallNow')}>
              <OnCallList onCall={value.now?.onCall ?? []} zone={zone} />
            </LabelledValue>
            <LabelledValue label={t('rotationCard.nextHandoff')}>
              {value.now?.nextHandoff ? formatInstantIn(value.now.nextHandoff, zone) : t('rotationCard.noneForeseen')}
            </LabelledValue>
            <LabelledValue label={t('rotationCard.participants')}>
              <Participants
                shifts={shifts}
                onCall={value.now?.onCall ?? []}
                nextHandoff={value.now?.nextHandoff ?? null}
              />
            </LabelledValue>
            <LabelledValue label={t('rotationCard.overrides')}>
              {overrides.length === 0
                ? t('rotationCard.noOverrides')
                : overrides.map((o, i) => (
                    <div key={i}>
                      {overrideText(o.start, o.end, rotationZone)}:{' '}
                      <RefLink entityRef={o.user} defaultKind="user" />
                      {t('rotationCard.overrideAs', { role: o.role ?? 'primary' })}
                    </div>
                  ))}
            </LabelledValue>
            <LabelledValue label={t('onCallLoad.label')}>
              <OnCallLoadChart load={shifts.load} label={t('onCallLoad.label')} />
            </LabelledValue>
            <LabelledValue label={t('rotationCard.calendar')}>
              <CalendarSubscription rotationRef={entityRef} />
            </LabelledValue>
            <Typography variant="subtitle2" style={{ margin: '16px 0 8px' }}>
              {t('rotationCard.nextWeeks', { count: UPCOMING_DAYS / 7 })}
              {shifts.truncated && t('rotationCard.cutShort')}
            </Typography>
            {shifts.shifts.length === 0 ? (
              <Typography variant="body2">
                {t('rotationCard.noShifts', { count: UPCOMING_DAYS / 7 })}
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
                      {t('rotationCard.asTable', { count: shifts.shifts.length })}
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
