import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { RotationPlanStatus } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  due: { backgroundColor: theme.palette.warning.main, color: theme.palette.warning.contrastText },
  eligible: { backgroundColor: theme.palette.info.main, color: theme.palette.info.contrastText },
  'not-yet-eligible': {},
  unknown: { backgroundColor: 'transparent' },
}));

/** Where a member stands under the rotation policy; its meaning on hover. */
export function PlanStatusChip(props: { status: RotationPlanStatus }) {
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const { status } = props;
  return (
    <Chip
      size="small"
      variant={status === 'unknown' ? 'outlined' : 'default'}
      className={classes[status]}
      label={t(`rotationPlan.status.${status}`)}
      title={t(`rotationPlan.statusMeaning.${status}`)}
    />
  );
}
