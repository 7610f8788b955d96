import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { PersonOnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { DateTime } from 'luxon';
import { useState, type ReactNode } from 'react';
import { usePersonOnCall, useDataInfraTranslation } from '../../hooks';
import { CalendarSubscription } from '../RotationCard/CalendarSubscription';
import { LabelledValue, formatInstantIn, viewerZone } from '../shared';
import { MyCovers } from './MyCovers';
import { MyEscalations } from './MyEscalations';
import { MyShifts, MyShiftTable } from './MyShifts';

/** How far ahead the page and the card show shifts. */
const UPCOMING_DAYS = 28;
/** What the card shows of each list before "and N more". */
const CARD_SHIFTS = 4;
const CARD_SERVICES = 5;

/** The window of shifts: from the start of the viewer's day, four weeks; fixed at mount so re-renders do not refetch. */
function useWindow(zone: string) {
  const [window] = useState(() => {
    const from = DateTime.now().setZone(zone).startOf('day');
    return { now: Date.now(), from: from.toUTC().toISO()!, to: from.plus({ days: UPCOMING_DAYS }).toUTC().toISO()! };
  });
  return window;
}

/** "Primary in Data Platform on-call until Mon 9 Mar, 09:00 UTC+01:00", for each shift under way. */
function OnCallNowText(props: { answer: PersonOnCallResponse; now: number; zone: string }) {
  const { t } = useDataInfraTranslation();
  const current = props.answer.shifts.filter(s => Date.parse(s.start) <= props.now && props.now < Date.parse(s.end));
  if (current.length === 0) return <>{t('myOnCall.notOnCallNow')}</>;
  return (
    <>
      {current.map(s => (
        <div key={`${s.rotation.ref}-${s.role}`}>
          {t('myOnCall.nowAs', {
            role: t(`common.role.${s.role}`),
            rotation: s.rotation.title,
            time: formatInstantIn(s.end, props.zone),
          })}
        </div>
      ))}
    </>
  );
}

/**
 * One person's on-call: their shifts in every rotation over the next four
 * weeks, the services whose escalation reaches them now and at which
 * level, and the overrides they cover or are covered by. `mine` (the
 * viewer is this person) adds their personal calendar link. The page shows
 * everything in cards; the User entity card (`variant="card"`) the first
 * few of each.
 */
export function PersonOnCall(props: { userRef: string; mine: boolean; variant: 'page' | 'card' }) {
  const { userRef, mine, variant } = props;
  const { t } = useDataInfraTranslation();
  const zone = viewerZone();
  const window = useWindow(zone);
  const { value, loading, error } = usePersonOnCall(userRef, window);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const name = value.person.displayName;
  const notInCatalog = !value.inCatalog && (
    <Alert severity="info" style={{ marginBottom: 8 }}>
      {t('myOnCall.notInCatalog', { person: name })}
    </Alert>
  );
  const noRotation = value.rotations.length === 0 && (
    <Typography variant="body2">{t('myOnCall.noRotation', { person: name })}</Typography>
  );
  const escalations =
    value.escalationCount === 0 ? (
      <Typography variant="body2">{t('myOnCall.noEscalations', { person: mine ? t('myOnCall.you') : name })}</Typography>
    ) : (
      <MyEscalations escalations={value.escalations} total={value.escalationCount} limit={variant === 'card' ? CARD_SERVICES : undefined} />
    );
  const covers = <MyCovers covers={value.covers} truncated={value.coversTruncated} zone={zone} now={window.now} />;
  const calendar = mine && (
    <>
      <Typography variant="body2" paragraph>
        {t('myOnCall.calendarHelp')}
      </Typography>
      <CalendarSubscription personRef={userRef} />
    </>
  );

  if (variant === 'card') {
    return (
      <>
        {notInCatalog}
        <LabelledValue label={t('myOnCall.onCallNow')}>
          <OnCallNowText answer={value} now={window.now} zone={zone} />
        </LabelledValue>
        <LabelledValue label={t('myOnCall.nextShifts')}>
          {noRotation ||
            (value.shifts.length === 0 ? (
              t('myOnCall.noShifts', { time: formatInstantIn(window.to, zone) })
            ) : (
              <MyShiftTable shifts={value.shifts} zone={zone} now={window.now} limit={CARD_SHIFTS} />
            ))}
        </LabelledValue>
        <LabelledValue label={t('myOnCall.escalationsShort')}>{escalations}</LabelledValue>
        <LabelledValue label={t('myOnCall.covers')}>{covers}</LabelledValue>
        {calendar && <LabelledValue label={t('myOnCall.calendar')}>{calendar}</LabelledValue>}
      </>
    );
  }

  const section = (title: string, children: ReactNode, md: 6 | 12 = 12) => (
    <Grid item xs={12} md={md}>
      <InfoCard title={title}>{children}</InfoCard>
    </Grid>
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {notInCatalog}
        <Typography variant="body2">
          {mine ? t('myOnCall.intro', { zone }) : t('myOnCall.introOther', { zone })}
        </Typography>
        <Typography variant="body1" component="div" style={{ marginTop: 8 }}>
          <OnCallNowText answer={value} now={window.now} zone={zone} />
        </Typography>
      </Grid>
      {section(
        t('myOnCall.nextShiftsWindow', { time: formatInstantIn(window.to, zone) }),
        noRotation || <MyShifts answer={value} window={window} zone={zone} />,
      )}
      {section(mine ? t('myOnCall.escalationsMine') : t('myOnCall.escalations', { person: name }), escalations)}
      {section(t('myOnCall.covers'), covers, 6)}
      {calendar && section(t('myOnCall.calendar'), calendar, 6)}
    </Grid>
  );
}
