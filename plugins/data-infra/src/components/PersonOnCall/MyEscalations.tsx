import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { EscalationLevelAt, PersonEscalation } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraTranslation } from '../../hooks';
import { EscalationLevelTarget, RefLink, formatDurationMs } from '../shared';

/** "Level 2 of 3, after 15 min". */
function LevelText(props: { level: EscalationLevelAt; count: number }) {
  const { t } = useDataInfraTranslation();
  const { level, count } = props;
  return (
    <>
      {level.afterMs === 0
        ? t('myOnCall.levelAtOnce', { level: String(level.index + 1), levels: String(count) })
        : t('myOnCall.levelAfter', {
            level: String(level.index + 1),
            levels: String(count),
            duration: formatDurationMs(level.afterMs),
          })}
    </>
  );
}

/**
 * The services whose escalation path reaches the person now, by the level
 * that reaches them first: which level, after how long, and through what
 * (a rotation role, a subteam's lead, or them by name). As a table on the
 * page, as a short list on the card (`limit`).
 */
export function MyEscalations(props: { escalations: PersonEscalation[]; total: number; limit?: number }) {
  const { t } = useDataInfraTranslation();
  const shown = props.limit ? props.escalations.slice(0, props.limit) : props.escalations;
  const more = props.total - shown.length;
  const moreText = more > 0 && (
    <Typography variant="body2" color="textSecondary">
      {t('myOnCall.escalationsMore', { count: more })}
    </Typography>
  );
  if (props.limit) {
    return (
      <>
        {shown.map(e => (
          <div key={e.service.ref}>
            <RefLink entityRef={e.service.ref} title={e.service.title} />
            {': '}
            {e.levels.map((level, i) => (
              <span key={level.index}>
                {i > 0 && '; '}
                <LevelText level={level} count={e.levelCount} />
              </span>
            ))}
          </div>
        ))}
        {moreText}
      </>
    );
  }
  return (
    <>
      <Table size="small" aria-label={t('myOnCall.escalationsMine')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('myOnCall.columns.service')}</TableCell>
            <TableCell>{t('myOnCall.columns.level')}</TableCell>
            <TableCell>{t('myOnCall.columns.via')}</TableCell>
            <TableCell>{t('myOnCall.columns.owner')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(e => (
            <TableRow key={e.service.ref}>
              <TableCell>
                <RefLink entityRef={e.service.ref} title={e.service.title} />
              </TableCell>
              <TableCell>
                {e.levels.map(level => (
                  <div key={level.index}>
                    <LevelText level={level} count={e.levelCount} />
                  </div>
                ))}
              </TableCell>
              <TableCell>
                {e.levels.map(level => (
                  <div key={level.index}>
                    <EscalationLevelTarget level={level} />
                  </div>
                ))}
              </TableCell>
              <TableCell>
                {e.owner ? <RefLink entityRef={e.owner.ref} title={e.owner.title} /> : t('common.none')}
                {e.inherited && e.owner && (
                  <Typography variant="caption" color="textSecondary" component="div">
                    {t('myOnCall.inheritedFrom', { owner: e.owner.title })}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {moreText}
    </>
  );
}
