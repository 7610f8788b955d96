import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { BudgetStatus } from '@data-infra/backstage-plugin-data-infra-common';
import { BUDGET_STATUS } from './budget';
import { useDataInfraTranslation } from '../../hooks';

/**
 * The status of a measured error budget, in its colour: a chip, or with
 * `compact` a coloured dot and the label as a caption that may wrap (for a
 * narrow table column).
 */
export function BudgetStatusChip(props: { status: BudgetStatus; compact?: boolean }) {
  const { t } = useDataInfraTranslation();
  const { colour } = BUDGET_STATUS[props.status];
  const label = t(`budgetStatus.${props.status}.label`);
  const meaning = t(`budgetStatus.${props.status}.meaning`);
  if (props.compact) {
    return (
      <Typography variant="caption" component="div" title={meaning} style={{ lineHeight: 1.3 }}>
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 8,
            height: 8,
            borderRadius: 4,
            marginRight: 4,
            backgroundColor: colour,
          }}
        />
        {label}
      </Typography>
    );
  }
  return <Chip size="small" label={label} title={meaning} style={{ backgroundColor: colour, color: '#fff' }} />;
}
