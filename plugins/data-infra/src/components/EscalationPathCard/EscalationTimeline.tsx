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

type Level = EscalationResponse['levels'][number];

function delayText(level: Level): string {
  return level.afterMs === 0
    ? 'At once'
    : `After ${formatDurationMs(level.afterMs)}`;
}

function viaText(level: Level) {
  switch (level.via) {
    case 'rotation':
      return (
        <>
          {level.role === 'secondary' ? 'Secondary' : 'Primary'} of rotation{' '}
          <RefLink entityRef={level.targetRef} title={level.targetTitle} />
        </>
      );
    case 'subteamLead':
      return (
        <>
          Lead of{' '}
          <RefLink entityRef={level.targetRef} title={level.targetTitle} />
        </>
      );
    default:
      // The person reached is listed below; name whom it would page when nobody is.
      return level.people.length > 0 ? (
        <>Paged directly</>
      ) : (
        <>
          <RefLink entityRef={level.targetRef} title={level.targetTitle} />, paged directly
        </>
      );
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
  const levels = [...escalation.levels].sort((a, b) => a.index - b.index);
  return (
    <Timeline align="left">
      {levels.map((level, i) => (
        <TimelineItem key={level.index}>
          <TimelineOppositeContent style={{ flex: 0, minWidth: 110 }}>
            <Typography variant="body2" color="textSecondary">
              {delayText(level)}
            </Typography>
          </TimelineOppositeContent>
          <TimelineSeparator>
            <TimelineDot color={level.reachable ? 'primary' : 'secondary'} />
            {i < levels.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent>
            <Typography variant="subtitle2" component="div">
              Level {level.index + 1}: {viaText(level)}
            </Typography>
            {level.reachable && level.people.length > 0 ? (
              level.people.map(person => (
                <Typography
                  variant="body2"
                  component="div"
                  key={`${person.ref}-${person.role ?? ''}`}
                >
                  <RefLink entityRef={person.ref} title={person.displayName} />
                  {person.role && ` (${person.role})`}
                  {person.until && ` until ${formatInstantIn(person.until, zone)}`}
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
                Nobody is reached at this level
                {level.reason ? `: ${level.reason}` : '.'}
              </Alert>
            )}
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
