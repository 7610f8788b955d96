import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import Alert from '@material-ui/lab/Alert';
import Typography from '@material-ui/core/Typography';
import type { EscalationResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink, SafeLink, formatDurationMs, formatInstantIn } from '../shared';
import { useDataInfraTranslation, type DataInfraT } from '../../hooks';

type Level = EscalationResponse['levels'][number];

function delayText(level: Level, t: DataInfraT): string {
  return level.afterMs === 0
    ? t('common.atOnce')
    : t('common.after', { duration: formatDurationMs(level.afterMs) });
}

function viaText(level: Level, t: DataInfraT) {
  const target = <RefLink entityRef={level.targetRef} title={level.targetTitle} />;
  switch (level.via) {
    case 'rotation':
      return t('escalationTimeline.roleOfRotation', {
        role: level.role === 'secondary' ? t('common.role.secondary') : t('common.role.primary'),
        target,
      });
    case 'subteamLead':
      return t('escalationTimeline.leadOf', { target });
    default:
      // The person reached is listed below; name whom it would page when nobody is.
      return level.people.length > 0
        ? t('escalationTimeline.pagedDirectly')
        : t('escalationTimeline.targetPagedDirectly', { target });
  }
}

/**
 * The levels of an escalation path, top to bottom: when each is paged, who it
 * reaches at the asked instant and until when, and through what. A level
 * that reaches nobody is shown as a warning, never left out.
 */
export function EscalationTimeline(props: {
  escalation: EscalationResponse;
  zone: string;
}) {
  const { escalation, zone } = props;
  const { t } = useDataInfraTranslation();
  const levels = [...escalation.levels].sort((a, b) => a.index - b.index);
  return (
    <Timeline align="left">
      {levels.map((level, i) => (
        <TimelineItem key={level.index}>
          <TimelineOppositeContent style={{ flex: 0, minWidth: 110 }}>
            <Typography variant="body2" color="textSecondary">
              {delayText(level, t)}
            </Typography>
          </TimelineOppositeContent>
          <TimelineSeparator>
            <TimelineDot color={level.reachable ? 'primary' : 'secondary'} />
            {i < levels.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent>
            <Typography variant="subtitle2" component="div">
              {t('escalationTimeline.level', { number: String(level.index + 1), via: viaText(level, t) })}
            </Typography>
            {level.reachable && level.people.length > 0 ? (
              level.people.map(person => (
                <Typography
                  variant="body2"
                  component="div"
                  key={`${person.ref}-${person.role ?? ''}`}
                >
                  <RefLink entityRef={person.ref} title={person.displayName} />
                  {person.role && t('escalationTimeline.personRole', { role: person.role })}
                  {person.until && t('escalationTimeline.until', { time: formatInstantIn(person.until, zone) })}
                  {person.email && (
                    <>
                      {' · '}
                      <SafeLink href={person.email} email />
                    </>
                  )}
                </Typography>
              ))
            ) : (
              <Alert severity="warning">
                {level.reason
                  ? t('escalationTimeline.nobodyReachedBecause', { reason: level.reason })
                  : t('escalationTimeline.nobodyReachedEnd')}
              </Alert>
            )}
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
