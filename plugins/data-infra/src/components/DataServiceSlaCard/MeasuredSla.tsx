import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { budgetStatus, type MeasuredServiceLevel } from '@data-infra/backstage-plugin-data-infra-common';
import { useMeasuredSla } from './useMeasuredSla';
import { BudgetSparkline, BudgetStatusChip, LabelledValue, formatDurationMs, formatInstantIn, viewerZone } from '../shared';
import { useDataInfraTranslation, type DataInfraT } from '../../hooks';

const times = (v: number | null | undefined, t: DataInfraT) =>
  typeof v === 'number' ? `${v < 10 ? v.toFixed(1) : Math.round(v)}×` : t('measuredSla.noData');
const seconds = (s: number) => (s < 60 ? `${Number(s.toFixed(3))} s` : formatDurationMs(s * 1000));

function Availability(props: { m: MeasuredServiceLevel; series: Array<[string, number]> }) {
  const { t } = useDataInfraTranslation();
  const a = props.m.availability!;
  const left = a.budgetLeft;
  let state: string = t('measuredSla.notBurning');
  if (a.fastBurn) state = t('measuredSla.fastBurn');
  else if (a.slowBurn) state = t('measuredSla.slowBurn');
  return (
    <>
      <LabelledValue label={t('measuredSla.achieved')}>
        {t('measuredSla.against', {
          achieved: a.achieved === null ? t('measuredSla.noEvents') : `${a.achieved.toFixed(3)} %`,
          target: String(a.target),
        })}{' '}
        <BudgetStatusChip status={budgetStatus(props.m)!} />
      </LabelledValue>
      <LabelledValue label={t('measuredSla.budgetLeft')}>
        {left === null
          ? t('common.none')
          : `${(left * 100).toFixed(1).replace('-', '−')} % (${left < 0 ? t('measuredSla.overspentBy') : ''}${formatDurationMs(Math.abs(a.budgetLeftMs ?? 0))})`}
        <BudgetSparkline points={props.series} window={props.m.window} />
      </LabelledValue>
      <LabelledValue label={t('measuredSla.burnRate')}>
        <strong>{state}</strong>
        {t('measuredSla.burnRates', {
          h1: times(a.burnRates['1h'], t),
          h6: times(a.burnRates['6h'], t),
          d3: times(a.burnRates['3d'], t),
        })}
        <Typography variant="caption" component="div" color="textSecondary">
          {t('measuredSla.pagesAbove', {
            fast: String(a.thresholds.fast),
            m5: times(a.burnRates['5m'], t),
            slow: String(a.thresholds.slow),
            m30: times(a.burnRates['30m'], t),
          })}
        </Typography>
      </LabelledValue>
    </>
  );
}

/**
 * The SLA as measured in Prometheus (GET /sla), shown under the declared
 * one. Unavailable metrics are a line of text, not an error: the declared
 * SLA above stays the reference.
 */
export function MeasuredSla(props: { entityRef: string }) {
  const { t } = useDataInfraTranslation();
  const { value, loading, error } = useMeasuredSla(props.entityRef);
  if (loading) return <Progress />;
  const m = value?.measurement;
  if (error || !m || m.state === 'unavailable') {
    let reason: string = t('measuredSla.noAnswer');
    if (error) reason = error.message;
    else if (m?.state === 'unavailable') reason = m.reason;
    return <LabelledValue label={t('measuredSla.measured')}>{t('measuredSla.unavailable', { reason })}</LabelledValue>;
  }
  return (
    <>
      <LabelledValue label={t('measuredSla.measuredAt')}>
        {t('measuredSla.measuredAtValue', { time: formatInstantIn(m.measuredAt, viewerZone()), window: m.window })}
      </LabelledValue>
      {m.availability && <Availability m={m} series={value!.budgetSeries} />}
      {m.freshness && (
        <LabelledValue label={t('measuredSla.freshnessLag')}>
          {m.freshness.lagSeconds === null ? t('measuredSla.noData') : seconds(m.freshness.lagSeconds)}
          {t('measuredSla.atMost', { limit: seconds(m.freshness.targetSeconds) })}
          {m.freshness.breached && <strong>{t('measuredSla.breached')}</strong>}
        </LabelledValue>
      )}
      {m.latency && (
        <LabelledValue label={t('measuredSla.latency')}>
          {m.latency.percentile !== undefined ? `p${m.latency.percentile} ` : ''}
          {m.latency.seconds === null ? t('measuredSla.noData') : seconds(m.latency.seconds)}
          {t('measuredSla.atMost', { limit: seconds(m.latency.thresholdSeconds) })}
          {m.latency.breached && <strong>{t('measuredSla.breached')}</strong>}
        </LabelledValue>
      )}
    </>
  );
}
