import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { FindingSeverity } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  info: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
}));

/** The worst finding of something, in the theme's status colours. */
export function SeverityChip(props: {
  severity: FindingSeverity | null | undefined;
  label?: string;
}) {
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const { severity } = props;
  const label = props.label ?? (severity ? t(`common.severity.${severity}`) : t('common.ok'));
  return (
    <Chip
      size="small"
      label={label}
      className={severity ? classes[severity] : classes.ok}
    />
  );
}
