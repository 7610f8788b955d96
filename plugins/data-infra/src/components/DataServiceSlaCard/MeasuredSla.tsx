import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { budgetStatus, type MeasuredServiceLevel } from '@data-infra/backstage-plugin-data-infra-common';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import { BudgetSparkline, BudgetStatusChip, LabelledValue, formatDurationMs, formatInstantIn, viewerZone } from '../shared';

const times = (v: number | null | undefined) => (typeof v === 'number' ? `${v < 10 ? v.toFixed(1) : Math.round(v)}×` : 'no data');
const seconds = (s: number) => (s < 60 ? `${Number(s.toFixed(3))} s` : formatDurationMs(s * 1000));

function Availability(props: { m: MeasuredServiceLevel; series: Array<[string, number]> }) {
  const a = props.m.availability!;
  const left = a.budgetLeft;
  let state = 'Not burning';
  if (a.fastBurn) state = 'Fast burn';
  else if (a.slowBurn) state = 'Slow burn';
  return (
    <>
      <LabelledValue label="Achieved">
        {a.achieved === null ? 'no events' : `${a.achieved.toFixed(3)} %`} against {a.target} %{' '}
        <BudgetStatusChip status={budgetStatus(props.m)!} />
      </LabelledValue>
      <LabelledValue label="Budget left">
        {left === null
          ? '—'
          : `${(left * 100).toFixed(1).replace('-', '−')} % (${left < 0 ? 'overspent by ' : ''}${formatDurationMs(Math.abs(a.budgetLeftMs ?? 0))})`}
        <BudgetSparkline points={props.series} window={props.m.window} />
      </LabelledValue>
      <LabelledValue label="Burn rate">
        <strong>{state}</strong> · 1 h {times(a.burnRates['1h'])} · 6 h {times(a.burnRates['6h'])} · 3 d {times(a.burnRates['3d'])}
        <Typography variant="caption" component="div" color="textSecondary">
          Pages above {a.thresholds.fast}× over 1 h and 5 m ({times(a.burnRates['5m'])}), or {a.thresholds.slow}× over 6 h and 30 m ({times(a.burnRates['30m'])}).
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
  const api = useApi(dataInfraApiRef);
  const { value, loading, error } = useAsync(() => api.getSla(props.entityRef), [api, props.entityRef]);
  if (loading) return <Progress />;
  const m = value?.measurement;
  if (error || !m || m.state === 'unavailable') {
    let reason = 'no answer';
    if (error) reason = error.message;
    else if (m?.state === 'unavailable') reason = m.reason;
    return <LabelledValue label="Measured">Metrics unavailable: {reason}</LabelledValue>;
  }
  return (
    <>
      <LabelledValue label="Measured at">
        {formatInstantIn(m.measuredAt, viewerZone())} (Prometheus, over {m.window})
      </LabelledValue>
      {m.availability && <Availability m={m} series={value!.budgetSeries} />}
      {m.freshness && (
        <LabelledValue label="Freshness lag">
          {m.freshness.lagSeconds === null ? 'no data' : seconds(m.freshness.lagSeconds)} (at most {seconds(m.freshness.targetSeconds)})
          {m.freshness.breached && <strong> · breached</strong>}
        </LabelledValue>
      )}
      {m.latency && (
        <LabelledValue label="Latency">
          {m.latency.percentile !== undefined ? `p${m.latency.percentile} ` : ''}
          {m.latency.seconds === null ? 'no data' : seconds(m.latency.seconds)} (at most {seconds(m.latency.thresholdSeconds)})
          {m.latency.breached && <strong> · breached</strong>}
        </LabelledValue>
      )}
    </>
  );
}
