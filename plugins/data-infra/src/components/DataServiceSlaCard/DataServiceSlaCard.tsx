import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { hasIndicators, type ServiceLevel } from '@data-infra/backstage-plugin-data-infra-common';
import {
  LabelledValue,
  allowedDowntimeMs,
  formatDurationMs,
  formatIsoDuration,
  formatPercent,
} from '../shared';
import { MeasuredSla } from './MeasuredSla';

const SEVERITIES = ['sev1', 'sev2', 'sev3'] as const;

function supportHoursText(sla: ServiceLevel): string {
  const hours = sla.supportHours;
  if (!hours?.type) return 'Not stated';
  if (hours.type === '24x7') return '24x7';
  const windows = (hours.windows ?? [])
    .map(w => `${(w.days ?? []).join(', ')} ${w.from}–${w.to}`)
    .join('; ');
  return `Business hours (${windows || 'mon–fri 09:00–17:00'})${
    hours.timezone ? `, ${hours.timezone}` : ''
  }`;
}

/**
 * What a DataService promises: availability and the downtime it allows per
 * window, support hours, response and resolution times per severity,
 * freshness and RPO/RTO, read from the entity. With spec.sla.indicators,
 * also what Prometheus measures (GET /sla): achieved against target, budget
 * left with its sparkline, and the burn-rate state.
 */
export function DataServiceSlaCard() {
  const { entity } = useEntity();
  const sla = (entity.spec?.sla ?? undefined) as ServiceLevel | undefined;

  if (!sla || typeof sla !== 'object' || Object.keys(sla).length === 0) {
    return (
      <InfoCard title="SLA">
        <Typography variant="body2">
          This service declares no SLA (spec.sla).
        </Typography>
      </InfoCard>
    );
  }

  const window = sla.window ?? '30d';
  const budget = allowedDowntimeMs(sla.availability, window);
  const hasTimes = SEVERITIES.some(
    sev => sla.responseTime?.[sev] || sla.resolutionTime?.[sev],
  );

  return (
    <InfoCard title="SLA">
      <LabelledValue label="Availability">
        {formatPercent(sla.availability)}
        {sla.availability !== undefined && ` over ${window}`}
      </LabelledValue>
      <LabelledValue label="Error budget">
        {budget === undefined
          ? '—'
          : `${formatDurationMs(budget)} of downtime per ${window}`}
      </LabelledValue>
      {hasIndicators(sla) && <MeasuredSla entityRef={stringifyEntityRef(entity)} />}
      <LabelledValue label="Support hours">
        {supportHoursText(sla)}
      </LabelledValue>
      {sla.freshness && (
        <LabelledValue label="Freshness">
          {formatIsoDuration(sla.freshness)}
        </LabelledValue>
      )}
      {(sla.rpo || sla.rto) && (
        <LabelledValue label="RPO / RTO">
          {formatIsoDuration(sla.rpo)} / {formatIsoDuration(sla.rto)}
        </LabelledValue>
      )}
      {hasTimes ? (
        <Table size="small" aria-label="Response and resolution times">
          <TableHead>
            <TableRow>
              <TableCell>Severity</TableCell>
              <TableCell>First response</TableCell>
              <TableCell>Resolution</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SEVERITIES.map(sev => (
              <TableRow key={sev}>
                <TableCell>{sev}</TableCell>
                <TableCell>{formatIsoDuration(sla.responseTime?.[sev])}</TableCell>
                <TableCell>
                  {formatIsoDuration(sla.resolutionTime?.[sev])}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">No response times stated.</Typography>
      )}
    </InfoCard>
  );
}
