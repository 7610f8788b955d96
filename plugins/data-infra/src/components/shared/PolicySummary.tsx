import type {
  EscalationLevel,
  EscalationPolicy,
} from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatIsoDuration } from './format';

function Target(props: { level: EscalationLevel }) {
  const target = (props.level.target ?? {}) as Record<string, string>;
  if (target.rotation) {
    return (
      <>
        {target.role === 'secondary' ? 'secondary' : 'primary'} of{' '}
        <RefLink entityRef={target.rotation} defaultKind="rotation" />
      </>
    );
  }
  if (target.user) return <RefLink entityRef={target.user} defaultKind="user" />;
  if (target.subteamLead) {
    return (
      <>
        lead of <RefLink entityRef={target.subteamLead} defaultKind="subteam" />
      </>
    );
  }
  return <>no target</>;
}

/**
 * A policy as written on an entity ("after 15 min: secondary of …"), for
 * places that show the declaration rather than who it reaches now.
 */
export function PolicySummary(props: { policy: EscalationPolicy | undefined }) {
  const levels = Array.isArray(props.policy?.levels) ? props.policy!.levels : [];
  if (levels.length === 0) return <span>No escalation policy declared.</span>;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {levels.map((level, index) => (
        <li key={index}>
          after {formatIsoDuration(level.after)}: <Target level={level} />
        </li>
      ))}
      {props.policy?.repeat ? (
        <li style={{ listStyle: 'none' }}>
          then repeats {props.policy.repeat} time(s)
        </li>
      ) : null}
    </ol>
  );
}
