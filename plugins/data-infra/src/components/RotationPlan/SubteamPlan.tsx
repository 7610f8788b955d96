import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import type { ReactNode } from 'react';
import type { SubteamRotationPlan } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink, RefLinkList } from '../shared';
import { useDataInfraTranslation } from '../../hooks';
import { PlanStatusChip } from './PlanStatusChip';

const useStyles = makeStyles(theme => ({
  subteam: { margin: theme.spacing(1.5, 0, 2) },
  table: { '& td, & th': { padding: theme.spacing(0.5, 1) } },
  date: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  muted: { color: theme.palette.text.secondary },
  after: { marginTop: theme.spacing(1) },
  warning: {
    marginTop: theme.spacing(1),
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
}));

/** What the subteam would look like after the moves due by the horizon. */
function AfterTheMoves(props: { plan: SubteamRotationPlan; horizon: string }) {
  const { plan, horizon: date } = props;
  const { after } = plan;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const people = <RefLinkList entityRefs={after.remaining.map(p => ({ ref: p.ref, title: p.displayName }))} />;
  const more = after.remainingCount - after.remaining.length;
  const warning = (text: ReactNode) => (
    <Typography variant="body2" component="div" className={classes.warning} data-testid="rotation-plan-warning">
      <WarningIcon fontSize="small" aria-hidden />
      <span>{text}</span>
    </Typography>
  );
  let line;
  if (after.moving === 0) {
    line = (
      <Typography variant="body2" className={classes.after}>
        {t('rotationPlan.after.noMoves', { date })}
      </Typography>
    );
  } else if (after.warning === 'loses-all-context') {
    line = warning(t('rotationPlan.after.losesAllContext', { date }));
  } else if (after.warning === 'below-two') {
    line = warning(t('rotationPlan.after.belowTwo', { date, people }));
  } else {
    line = (
      <Typography variant="body2" className={classes.after}>
        {more > 0
          ? t('rotationPlan.after.remainMore', { date, people, count: more })
          : t('rotationPlan.after.remain', { date, people })}
      </Typography>
    );
  }
  return (
    <>
      {line}
      {after.leadMoves && (
        <Typography variant="body2" className={classes.muted}>
          {t('rotationPlan.after.leadMoves')}
        </Typography>
      )}
    </>
  );
}

/**
 * One subteam of the rotation plan: its members by the day they are due
 * (joined, may move from, due from, where they stand), then who would
 * remain after the moves due by the horizon.
 */
export function SubteamPlan(props: { plan: SubteamRotationPlan; horizon: string }) {
  const { plan, horizon } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const hidden = plan.memberCount - plan.members.length;
  const date = (value: string | undefined) => (
    <TableCell className={classes.date}>{value ?? t('rotationPlan.unknownDate')}</TableCell>
  );
  return (
    <section className={classes.subteam} data-testid="rotation-plan-subteam">
      <Typography variant="subtitle1" component="h3">
        <RefLink entityRef={plan.ref} title={plan.title} />
      </Typography>
      {plan.memberCount === 0 ? (
        <Typography variant="body2">{t('rotationPlan.noMembers')}</Typography>
      ) : (
        <Table size="small" className={classes.table} aria-label={t('rotationPlan.membersLabel', { subteam: plan.title })}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rotationPlan.columns.member')}</TableCell>
              <TableCell>{t('rotationPlan.columns.since')}</TableCell>
              <TableCell>{t('rotationPlan.columns.eligibleFrom')}</TableCell>
              <TableCell>{t('rotationPlan.columns.dueFrom')}</TableCell>
              <TableCell>{t('rotationPlan.columns.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.members.map(member => (
              <TableRow key={member.ref}>
                <TableCell>
                  <RefLink entityRef={member.ref} title={member.displayName} defaultKind="user" />
                  {member.lead && (
                    <Typography variant="caption" className={classes.muted}>
                      {' '}
                      ({t('rotationPlan.lead')})
                    </Typography>
                  )}
                </TableCell>
                {date(member.since)}
                {date(member.eligibleFrom)}
                {date(member.dueFrom)}
                <TableCell>
                  <PlanStatusChip status={member.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hidden > 0 && (
        <Typography variant="caption" component="div" className={classes.muted}>
          <RefLink entityRef={plan.ref} title={t('rotationPlan.more', { count: hidden })} />
        </Typography>
      )}
      {plan.memberCount > 0 && <AfterTheMoves plan={plan} horizon={horizon} />}
    </section>
  );
}
