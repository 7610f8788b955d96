import Chip from '@material-ui/core/Chip';
import type { BudgetStatus } from '@data-infra/backstage-plugin-data-infra-common';
import { BUDGET_STATUS } from './budget';

/** The status of a measured error budget, in its colour. */
export function BudgetStatusChip(props: { status: BudgetStatus }) {
  const { colour, label, meaning } = BUDGET_STATUS[props.status];
  return <Chip size="small" label={label} title={meaning} style={{ backgroundColor: colour, color: '#fff' }} />;
}
