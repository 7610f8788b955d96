import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { BudgetStatus } from '@data-infra/backstage-plugin-data-infra-common';
import { BUDGET_STATUS } from '../shared';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  legend: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), margin: theme.spacing(1, 0, 2), padding: 0, listStyle: 'none' },
  swatch: { display: 'inline-block', width: 12, height: 12, borderRadius: 2, marginRight: 6, verticalAlign: 'middle' },
}));

/** What the colours of the tiles' left edges mean. */
export function BudgetLegend() {
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  return (
    <ul className={classes.legend} aria-label={t('ownershipMap.budgetLegend')}>
      {(Object.keys(BUDGET_STATUS) as BudgetStatus[]).map(status => (
        <li key={status} title={t(`budgetStatus.${status}.meaning`)}>
          <span className={classes.swatch} style={{ backgroundColor: BUDGET_STATUS[status].colour }} />
          <Typography variant="caption">{t(`budgetStatus.${status}.label`)}</Typography>
        </li>
      ))}
      <li>
        <Typography variant="caption" color="textSecondary">
          {t('ownershipMap.noColour')}
        </Typography>
      </li>
    </ul>
  );
}
