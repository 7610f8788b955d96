import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  parseIsoDuration,
  type RotationPlanResponse,
  type SubteamRotationPlan,
} from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo } from 'react';
import { domainTitle, useDomains } from '../shared';
import { useDataInfraTranslation } from '../../hooks';
import { SubteamPlan } from './SubteamPlan';
import { useRotationPlan } from './useRotationPlan';

const useStyles = makeStyles(theme => ({
  policy: { marginBottom: theme.spacing(2), color: theme.palette.text.secondary },
  domain: { padding: theme.spacing(1.5, 2), height: '100%', minWidth: 0, overflowX: 'auto' },
}));

/** "6 months" for P6M; the duration as written when it is not one. */
function inWords(duration: string): string {
  return parseIsoDuration(duration)?.toHuman() ?? duration;
}

/** The subteams of the answer by domain, in the answer's order (domain order, then title). */
function byDomain(subteams: SubteamRotationPlan[]): Array<{ domain: string; subteams: SubteamRotationPlan[] }> {
  const groups: Array<{ domain: string; subteams: SubteamRotationPlan[] }> = [];
  for (const subteam of subteams) {
    const last = groups[groups.length - 1];
    if (last?.domain === subteam.domain) last.subteams.push(subteam);
    else groups.push({ domain: subteam.domain, subteams: [subteam] });
  }
  return groups;
}

/** The loaded plan; split out so it can be rendered from a fixed answer. */
export function RotationPlanView(props: { answer: RotationPlanResponse }) {
  const { answer } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const domains = useDomains();
  const groups = useMemo(() => byDomain(answer.subteams), [answer]);
  return (
    <>
      <Typography variant="body2" className={classes.policy}>
        {t('rotationPlan.policy', {
          min: inWords(answer.policy.min),
          max: inWords(answer.policy.max),
          date: answer.at.slice(0, 10),
        })}
      </Typography>
      {groups.length === 0 && <Typography variant="body2">{t('rotationPlan.noSubteams')}</Typography>}
      <Grid container spacing={2}>
        {groups.map(group => {
          const title = domainTitle(domains, group.domain);
          return (
            <Grid item xs={12} lg={6} key={group.domain}>
              <Paper component="section" aria-label={title} className={classes.domain}>
                <Typography variant="h6" component="h2">
                  {title}
                </Typography>
                {group.subteams.map(subteam => (
                  <SubteamPlan key={subteam.ref} plan={subteam} horizon={answer.horizon} />
                ))}
              </Paper>
            </Grid>
          );
        })}
      </Grid>
    </>
  );
}

/**
 * The rotation plan, from one answer of the backend: per subteam, grouped
 * by domain, who is due to rotate and when, and who would remain after the
 * moves due within the plan's horizon. The leadership rule (a lead from 3
 * members on) stays with the checks; the plan only says when the lead
 * would move.
 */
export function RotationPlan() {
  const { value, loading, error } = useRotationPlan();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return <RotationPlanView answer={value} />;
}
