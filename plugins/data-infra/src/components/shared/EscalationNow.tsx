import Typography from '@material-ui/core/Typography';
import type { EscalationLevelAt } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatDurationMs } from './format';

function Target(props: { level: EscalationLevelAt }) {
  const { level } = props;
  const link = <RefLink entityRef={level.targetRef} title={level.targetTitle} />;
  if (level.via === 'subteamLead') return <>lead of {link}</>;
  if (level.via === 'rotation') return <>{level.role ?? 'primary'} of {link}</>;
  return link;
}

/**
 * A policy as it reaches people at one instant, one line per level: "After
 * 15 min: Priya Raman (secondary of Data Platform on-call)". A level that
 * reaches nobody names whom it would page, marked "not now"; why is said
 * once below the list, as levels often share the reason (the same hours).
 */
export function EscalationNow(props: { levels: EscalationLevelAt[] | undefined }) {
  const levels = props.levels ?? [];
  if (levels.length === 0) {
    return <Typography variant="body2" component="span">No escalation policy declared.</Typography>;
  }
  const reasons = [...new Set(levels.filter(l => l.people.length === 0).map(l => l.reason ?? 'no one reachable'))];
  return (
    <>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {levels.map(level => (
          <li key={level.index}>
            <Typography variant="body2" component="span">
              {level.afterMs === 0 ? 'At once' : `After ${formatDurationMs(level.afterMs)}`}:{' '}
              {level.people.length === 0 ? (
                <Typography variant="body2" component="span" color="textSecondary">
                  <Target level={level} /> (not now)
                </Typography>
              ) : (
                <>
                  {level.people.map((person, i) => (
                    <span key={person.ref}>
                      {i > 0 && ', '}
                      <RefLink entityRef={person.ref} title={person.displayName} />
                    </span>
                  ))}
                  {level.via !== 'user' && (
                    <Typography variant="body2" component="span" color="textSecondary">
                      {' '}
                      (<Target level={level} />)
                    </Typography>
                  )}
                </>
              )}
            </Typography>
          </li>
        ))}
      </ol>
      {reasons.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          Not now: {reasons.join('; ')}.
        </Typography>
      )}
    </>
  );
}
