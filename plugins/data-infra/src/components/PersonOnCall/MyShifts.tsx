import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { PersonOnCallResponse, PersonShift, ShiftsResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraTranslation } from '../../hooks';
import { ShiftTimeline } from '../RotationCard/ShiftTimeline';
import { formatLocal } from '../RotationCard/shiftText';
import { RefLink } from '../shared';

/** A person's shift as the Rotation card's timeline draws one (the person is the bar's label). */
const asRotationShift = (shift: PersonShift, person: PersonOnCallResponse['person']): ShiftsResponse['shifts'][number] => ({
  role: shift.role,
  user: person,
  start: shift.start,
  end: shift.end,
  source: shift.source,
});

/**
 * The person's shifts over the window: per rotation, the Rotation card's
 * timeline (a lane per role they hold in it, overrides striped, a line at
 * now), then every shift in one table, times in the viewer's zone.
 */
export function MyShifts(props: {
  answer: PersonOnCallResponse;
  window: { from: string; to: string; now: number };
  zone: string;
}) {
  const { answer, window, zone } = props;
  const { t } = useDataInfraTranslation();
  return (
    <>
      {answer.rotations.map(rotation => {
        const shifts = answer.shifts.filter(s => s.rotation.ref === rotation.ref);
        const roles = (['primary', 'secondary'] as const).filter(role => shifts.some(s => s.role === role));
        return (
          <div key={rotation.ref} style={{ marginBottom: 16 }}>
            <Typography variant="subtitle2" gutterBottom>
              <RefLink entityRef={rotation.ref} title={rotation.title} />
            </Typography>
            {shifts.length === 0 ? (
              <Typography variant="body2">{t('myOnCall.noShifts', { time: formatLocal(window.to, zone) })}</Typography>
            ) : (
              <ShiftTimeline
                shifts={shifts.map(s => asRotationShift(s, answer.person))}
                from={window.from}
                to={window.to}
                now={window.now}
                zone={zone}
                rotationZone={rotation.timezone}
                roles={roles}
              />
            )}
          </div>
        );
      })}
      {answer.shifts.length > 0 && <MyShiftTable shifts={answer.shifts} zone={zone} now={window.now} />}
      {answer.truncated && (
        <Typography variant="caption" color="textSecondary">
          {t('myOnCall.shiftsCutShort')}
        </Typography>
      )}
    </>
  );
}

/** Every shift in start order, with its rotation; the accessible form of the timelines. */
export function MyShiftTable(props: { shifts: PersonShift[]; zone: string; now: number; limit?: number }) {
  const { t } = useDataInfraTranslation();
  const shifts = props.limit ? props.shifts.slice(0, props.limit) : props.shifts;
  return (
    <Table size="small" aria-label={t('myOnCall.nextShifts')}>
      <caption>{t('shifts.timesInYourZone', { zone: props.zone })}</caption>
      <TableHead>
        <TableRow>
          <TableCell>{t('myOnCall.columns.rotation')}</TableCell>
          <TableCell>{t('myOnCall.columns.role')}</TableCell>
          <TableCell>{t('myOnCall.columns.from')}</TableCell>
          <TableCell>{t('myOnCall.columns.until')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shifts.map(shift => (
          <TableRow key={`${shift.rotation.ref}-${shift.role}-${shift.start}`}>
            <TableCell>
              <RefLink entityRef={shift.rotation.ref} title={shift.rotation.title} />
            </TableCell>
            <TableCell>
              {t(`common.roleName.${shift.role}`)}
              {shift.source === 'override' && <Chip size="small" label={t('myOnCall.override')} style={{ marginLeft: 8 }} />}
              {Date.parse(shift.start) <= props.now && props.now < Date.parse(shift.end) && (
                <Chip size="small" color="primary" label={t('myOnCall.now')} style={{ marginLeft: 8 }} />
              )}
            </TableCell>
            <TableCell>{formatLocal(shift.start, props.zone)}</TableCell>
            <TableCell>{formatLocal(shift.end, props.zone)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
