import { useTheme } from '@material-ui/core/styles';
import { useDataInfraTranslation } from '../../hooks';

/**
 * The error budget left over the SLA window as a small line: 1 at the top
 * (untouched), the dashed line at 0 (spent); below it, overspent.
 */
export function BudgetSparkline(props: { points: Array<[string, number]>; window: string; width?: number; height?: number }) {
  const theme = useTheme();
  const { t } = useDataInfraTranslation();
  const { points, width = 140, height = 28 } = props;
  if (points.length < 2) return null;
  const values = points.map(([, v]) => v);
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, ...values);
  const y = (v: number) => 2 + ((top - v) / (top - bottom || 1)) * (height - 4);
  const x = (i: number) => (i / (points.length - 1)) * width;
  const path = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const last = values[values.length - 1];
  return (
    <svg
      role="img"
      aria-label={t('budgetStatus.sparkline', { window: props.window, from: pct(values[0]), to: pct(last) })}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ verticalAlign: 'middle', marginLeft: 8 }}
    >
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke={theme.palette.divider} strokeDasharray="3 3" />
      <polyline points={path} fill="none" stroke={last > 0 ? theme.palette.success.main : theme.palette.error.main} strokeWidth={1.5} />
    </svg>
  );
}
