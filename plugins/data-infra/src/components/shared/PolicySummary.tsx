import type {
  EscalationLevel,
  EscalationPolicy,
} from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatIsoDuration } from './format';
import { useDataInfraTranslation } from '../../hooks';

function Target(props: { level: EscalationLevel }) {
  const { t } = useDataInfraTranslation();
  const target = (props.level.target ?? {}) as Record<string, string>;
  if (target.rotation) {
    return (
      <>
        {t(target.role === 'secondary' ? 'policySummary.secondaryOf' : 'policySummary.primaryOf', {
          target: <RefLink entityRef={target.rotation} defaultKind="rotation" />,
        })}
      </>
    );
  }
  if (target.user) return <RefLink entityRef={target.user} defaultKind="user" />;
  if (target.subteamLead) {
    return (
      <>{t('policySummary.leadOf', { target: <RefLink entityRef={target.subteamLead} defaultKind="subteam" /> })}</>
    );
  }
  return <>{t('policySummary.noTarget')}</>;
}

/**
 * A policy as written on an entity ("after 15 min: secondary of …"), for
 * places that show the declaration rather than who it reaches now.
 */
export function PolicySummary(props: { policy: EscalationPolicy | undefined }) {
  const { t } = useDataInfraTranslation();
  const levels = Array.isArray(props.policy?.levels) ? props.policy!.levels : [];
  if (levels.length === 0) return <span>{t('common.noEscalationPolicy')}</span>;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {levels.map((level, index) => (
        <li key={index}>
          {t('policySummary.after', { duration: formatIsoDuration(level.after), target: <Target level={level} /> })}
        </li>
      ))}
      {props.policy?.repeat ? (
        <li style={{ listStyle: 'none' }}>
          {t('policySummary.repeats', { count: props.policy.repeat })}
        </li>
      ) : null}
    </ol>
  );
}
