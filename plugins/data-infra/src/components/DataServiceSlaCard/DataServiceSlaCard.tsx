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
import { useDataInfraTranslation, type DataInfraT } from '../../hooks';

const SEVERITIES = ['sev1', 'sev2', 'sev3'] as const;

function supportHoursText(sla: ServiceLevel, t: DataInfraT): string {
  const hours = sla.supportHours;
  if (!hours?.type) return t('slaCard.notStated');
  if (hours.type === '24x7') return '24x7';
  const windows = (hours.windows ?? [])
    .map(w => `${(w.days ?? []).join(', ')} ${w.from}–${w.to}`)
    .join('; ');
  return `${t('slaCard.businessHours', { windows: windows || t('slaCard.defaultBusinessHours') })}${
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
  const { t } = useDataInfraTranslation();
  const sla = (entity.spec?.sla ?? undefined) as ServiceLevel | undefined;

  if (!sla || typeof sla !== 'object' || Object.keys(sla).length === 0) {
    return (
      <InfoCard title={t('slaCard.title')}>
        <Typography variant="body2">
          {t('slaCard.noSla')}
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
    <InfoCard title={t('slaCard.title')}>
      <LabelledValue label={t('slaCard.availability')}>
        {formatPercent(sla.availability)}
        {sla.availability !== undefined && t('slaCard.over', { window })}
      </LabelledValue>
      <LabelledValue label={t('slaCard.errorBudget')}>
        {budget === undefined
          ? t('common.none')
          : t('slaCard.downtimePer', { duration: formatDurationMs(budget), window })}
      </LabelledValue>
      {hasIndicators(sla) && <MeasuredSla entityRef={stringifyEntityRef(entity)} />}
      <LabelledValue label={t('slaCard.supportHours')}>
        {supportHoursText(sla, t)}
      </LabelledValue>
      {sla.freshness && (
        <LabelledValue label={t('slaCard.freshness')}>
          {formatIsoDuration(sla.freshness)}
        </LabelledValue>
      )}
      {(sla.rpo || sla.rto) && (
        <LabelledValue label={t('slaCard.rpoRto')}>
          {formatIsoDuration(sla.rpo)} / {formatIsoDuration(sla.rto)}
        </LabelledValue>
      )}
      {hasTimes ? (
        <Table size="small" aria-label={t('slaCard.timesTable')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('slaCard.severity')}</TableCell>
              <TableCell>{t('slaCard.firstResponse')}</TableCell>
              <TableCell>{t('slaCard.resolution')}</TableCell>
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
        <Typography variant="body2">{t('slaCard.noResponseTimes')}</Typography>
      )}
    </InfoCard>
  );
}
