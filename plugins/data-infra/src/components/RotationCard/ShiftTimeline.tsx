import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { lighten, makeStyles } from '@material-ui/core/styles';
import type { ShiftsResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { DateTime } from 'luxon';
import { formatShiftSpan } from './shiftText';
import { useDataInfraTranslation } from '../../hooks';

type Shift = ShiftsResponse['shifts'][number];

const LANE_HEIGHT = 34;
const LABEL_WIDTH = 88;

const useStyles = makeStyles(theme => ({
  root: { display: 'grid', gridTemplateColumns: `${LABEL_WIDTH}px 1fr`, rowGap: 4 },
  axis: { position: 'relative', height: 22 },
  tick: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderLeft: `1px solid ${theme.palette.divider}`,
    paddingLeft: 4,
    whiteSpace: 'nowrap',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  laneLabel: {
    height: LANE_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    color: theme.palette.text.secondary,
    textTransform: 'capitalize',
  },
  lane: {
    position: 'relative',
    height: LANE_HEIGHT,
    background: theme.palette.background.default,
    borderRadius: 4,
    // Day lines, drawn by the container so bars need no extra elements.
    backgroundImage: `linear-gradient(to right, ${theme.palette.divider} 1px, transparent 1px)`,
  },
  bar: {
    position: 'absolute',
    top: 3,
    bottom: 3,
    borderRadius: 4,
    padding: theme.spacing(0, 0.75),
    display: 'flex',
    alignItems: 'center',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.primary.contrastText,
    border: `1px solid ${theme.palette.background.paper}`,
    cursor: 'default',
  },
  primary: { background: theme.palette.primary.main },
  secondary: {
    background: lighten(theme.palette.primary.main, 0.6),
    color: theme.palette.getContrastText(lighten(theme.palette.primary.main, 0.6)),
  },
  override: {
    background: `repeating-linear-gradient(135deg, ${theme.palette.warning.main}, ${theme.palette.warning.main} 6px, ${theme.palette.warning.dark} 6px, ${theme.palette.warning.dark} 12px)`,
    color: theme.palette.getContrastText(theme.palette.warning.main),
    fontWeight: theme.typography.fontWeightBold as number,
  },
  now: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 2,
    background: theme.palette.error.main,
    zIndex: 1,
  },
  nowLabel: { color: theme.palette.error.main, fontWeight: theme.typography.fontWeightBold as number },
  legend: { display: 'flex', gap: theme.spacing(2), marginTop: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap' },
  swatch: { display: 'inline-block', width: 14, height: 10, borderRadius: 2, marginRight: 4, verticalAlign: 'middle' },
}));

/**
 * Four weeks of shifts as a timeline: a lane per role, a bar per shift
 * labelled with the person, overrides striped, and a line at now. The axis
 * and bars are in the viewer's zone; hovering a bar gives its times in the
 * viewer's zone and in the rotation's. The shift table next to it says the
 * same for screen readers and keyboards.
 */
export function ShiftTimeline(props: {
  shifts: Shift[];
  from: string;
  to: string;
  now: number;
  zone: string;
  rotationZone: string;
  roles: Array<Shift['role']>;
}) {
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const { shifts, zone, rotationZone, roles } = props;
  const start = Date.parse(props.from);
  const end = Date.parse(props.to);
  const span = end - start;
  const pct = (ms: number) => `${(Math.min(Math.max(ms - start, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) => `${((Math.min(b, end) - Math.max(a, start)) / span) * 100}%`;
  const days = Math.round(span / 86_400_000);
  // Axis labels at each local midnight that starts a week (Monday) in the viewer's zone.
  const weeks: DateTime[] = [];
  // (Not in the last few days: the label would not fit.)
  for (let d = DateTime.fromMillis(start, { zone }).startOf('day'); d.toMillis() < end - 3 * 86_400_000; d = d.plus({ days: 1 })) {
    if (d.weekday === 1 && d.toMillis() >= start) weeks.push(d);
  }
  const showNow = props.now >= start && props.now < end;

  return (
    <div role="img" aria-label={t('shifts.timelineLabel', { span: formatShiftSpan(props.from, props.to, zone) })}>
      <div className={classes.root}>
        <span />
        <div className={classes.axis} aria-hidden>
          {weeks.map(week => (
            <span key={week.toISODate()} className={classes.tick} style={{ left: pct(week.toMillis()) }}>
              {week.setLocale('en-GB').toFormat('ccc d LLL')}
            </span>
          ))}
          {showNow && (
            <Typography variant="caption" className={`${classes.tick} ${classes.nowLabel}`} style={{ left: pct(props.now), borderLeft: 'none' }}>
              {t('shifts.now')}
            </Typography>
          )}
        </div>
        {roles.map(role => (
          <div key={role} style={{ display: 'contents' }}>
            <Typography variant="body2" className={classes.laneLabel}>
              {t(`common.roleName.${role}`)}
            </Typography>
            <div className={classes.lane} style={{ backgroundSize: `${100 / days}% 100%` }}>
              {showNow && <span className={classes.now} style={{ left: pct(props.now) }} />}
              {shifts
                .filter(s => s.role === role)
                .map(shift => {
                  const a = Date.parse(shift.start);
                  const b = Date.parse(shift.end);
                  const override = shift.source === 'override';
                  return (
                    <Tooltip
                      key={`${shift.start}-${shift.user.ref}`}
                      title={
                        <>
                          <strong>{shift.user.displayName}</strong>, {t(`common.roleName.${role}`)}
                          {override && t('shifts.overrideSuffix')}
                          <br />
                          {t('shifts.yourTime', { span: formatShiftSpan(shift.start, shift.end, zone) })}
                          {rotationZone !== zone && (
                            <>
                              <br />
                              {t('shifts.rotationTime', { span: formatShiftSpan(shift.start, shift.end, rotationZone) })}
                            </>
                          )}
                        </>
                      }
                    >
                      <span
                        className={`${classes.bar} ${override ? classes.override : classes[role]}`}
                        style={{ left: pct(a), width: width(a, b) }}
                        data-testid="shift-bar"
                      >
                        {shift.user.displayName}
                      </span>
                    </Tooltip>
                  );
                })}
            </div>
          </div>
        ))}
      </div>
      <div className={classes.legend} aria-hidden>
        <Typography variant="caption">
          <span className={`${classes.swatch} ${classes.primary}`} />
          {t('common.roleName.primary')}
        </Typography>
        {roles.includes('secondary') && (
          <Typography variant="caption">
            <span className={`${classes.swatch} ${classes.secondary}`} />
            {t('common.roleName.secondary')}
          </Typography>
        )}
        <Typography variant="caption">
          <span className={`${classes.swatch} ${classes.override}`} />
          {t('shifts.override')}
        </Typography>
        <Typography variant="caption">
          <span className={classes.swatch} style={{ width: 2, background: 'currentColor' }} />
          <span className={classes.nowLabel}>{t('shifts.now')}</span>
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {t('shifts.legendZones', { zone, rotationZone })}
        </Typography>
      </div>
    </div>
  );
}
