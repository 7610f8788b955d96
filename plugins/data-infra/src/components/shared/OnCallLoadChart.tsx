import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RotationLoadAnswer, RotationRole } from '@data-infra/backstage-plugin-data-infra-common';
import { useState } from 'react';
import { useDataInfraTranslation } from '../../hooks';
import { RefLink } from './RefLink';

const ROLES: RotationRole[] = ['primary', 'secondary'];

const useStyles = makeStyles(theme => ({
  person: { margin: theme.spacing(1, 0) },
  row: { display: 'grid', gridTemplateColumns: '80px 1fr 90px', alignItems: 'center', gap: theme.spacing(1) },
  track: { height: 10, background: theme.palette.action.hover, borderRadius: 2 },
  bar: { height: 10, borderRadius: 2 },
  primary: { background: theme.palette.primary.main },
  secondary: { background: theme.palette.secondary.main },
  facts: { color: theme.palette.text.secondary },
}));

/**
 * The on-call load of a rotation, per person: hours in each role as
 * horizontal bars (full width: the whole window), then the nights and
 * weekend days on call and the longest stretch without rest. A switch
 * picks the window (the next 4 or 13 weeks).
 */
export function OnCallLoadChart(props: { load: RotationLoadAnswer[] | undefined; label: string }) {
  const { load, label } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [weeks, setWeeks] = useState(load?.[0]?.weeks ?? 4);
  if (!load || load.length === 0) return <>{t('onCallLoad.unavailable')}</>;
  const window = load.find(w => w.weeks === weeks) ?? load[0];
  const windowHours = (Date.parse(window.to) - Date.parse(window.from)) / 3_600_000;
  return (
    <section aria-label={label} data-testid="on-call-load">
      <ButtonGroup size="small" aria-label={t('onCallLoad.window')}>
        {load.map(w => (
          <Button
            key={w.weeks}
            variant={w.weeks === window.weeks ? 'contained' : 'outlined'}
            aria-pressed={w.weeks === window.weeks}
            onClick={() => setWeeks(w.weeks)}
          >
            {t('onCallLoad.weeks', { count: w.weeks })}
          </Button>
        ))}
      </ButtonGroup>
      {window.people.length === 0 && <Typography variant="body2">{t('onCallLoad.nobody')}</Typography>}
      {window.people.map(person => (
        <div key={person.user.ref} className={classes.person}>
          <RefLink entityRef={person.user.ref} title={person.user.displayName} />
          {ROLES.filter(role => person.hours[role] !== undefined).map(role => {
            const hours = person.hours[role] ?? 0;
            return (
              <div key={role} className={classes.row}>
                <Typography variant="caption">{t(`common.roleName.${role}`)}</Typography>
                <div className={classes.track} aria-hidden>
                  <div
                    className={`${classes.bar} ${classes[role]}`}
                    style={{ width: `${Math.min(100, (hours / windowHours) * 100)}%` }}
                  />
                </div>
                <Typography variant="caption">{t('onCallLoad.hours', { hours: String(Math.round(hours)) })}</Typography>
              </div>
            );
          })}
          <Typography variant="caption" component="div" className={classes.facts}>
            {t('onCallLoad.facts', {
              share: String(Math.round(person.share * 100)),
              nights: String(person.nights),
              weekendDays: String(person.weekendDays),
              stretch: String(Math.round(person.longestStretchHours)),
            })}
          </Typography>
        </div>
      ))}
      {window.truncated && <Typography variant="caption">{t('onCallLoad.truncated')}</Typography>}
    </section>
  );
}
