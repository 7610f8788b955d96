import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ShiftsResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from '../shared';
import { formatLocal } from './shiftText';
import { useDataInfraTranslation } from '../../hooks';

/**
 * Shifts in start order, primary before secondary at the same start, times
 * in the viewer's zone (said in the caption): the accessible form of the
 * timeline.
 */
export function ShiftTable(props: { shifts: ShiftsResponse['shifts']; zone: string }) {
  const { t } = useDataInfraTranslation();
  const roleRank = (role: string) => (role === 'primary' ? 0 : 1);
  const shifts = [...props.shifts].sort(
    (a, b) => a.start.localeCompare(b.start) || roleRank(a.role) - roleRank(b.role),
  );
  return (
    <Table size="small" aria-label={t('shifts.tableLabel')}>
      <caption>{t('shifts.timesInYourZone', { zone: props.zone })}</caption>
      <TableHead>
        <TableRow>
          <TableCell>{t('shifts.from')}</TableCell>
          <TableCell>{t('shifts.until')}</TableCell>
          <TableCell>{t('shifts.role')}</TableCell>
          <TableCell>{t('shifts.person')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shifts.map(shift => (
          <TableRow key={`${shift.role}-${shift.start}-${shift.user.ref}`}>
            <TableCell>{formatLocal(shift.start, props.zone)}</TableCell>
            <TableCell>{formatLocal(shift.end, props.zone)}</TableCell>
            <TableCell>{shift.role}</TableCell>
            <TableCell>
              <RefLink entityRef={shift.user.ref} title={shift.user.displayName} />
              {shift.source === 'override' && (
                <Chip size="small" label={t('shifts.override')} style={{ marginLeft: 8 }} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
