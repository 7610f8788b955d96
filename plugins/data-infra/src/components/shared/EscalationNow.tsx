import Typography from '@material-ui/core/Typography';
import type { EscalationLevelAt } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatDurationMs } from './format';
import { useDataInfraTranslation } from '../../hooks';

/** Whom a level pages: a person by name, "primary of <rotation>", or "lead of <subteam>". */
export function Target(props: { level: EscalationLevelAt }) {
  const { level } = props;
  const { t } = useDataInfraTranslation();
  const link = <RefLink entityRef={level.targetRef} title={level.targetTitle} />;
  if (level.via === 'subteamLead') return <>{t('escalationNow.leadOf', { target: link })}</>;
  if (level.via === 'rotation') return <>{t('escalationNow.roleOf', { role: level.role ?? 'primary', target: link })}</>;
  return link;
}

/**
 * A policy as it reaches people at one instant, one line per level: "After
 * 15 min: Priya Raman (secondary of Data Platform on-call)". A level that
 * reaches nobody names whom it would page, marked "not now"; why is said
 * once below the list, as levels often share the reason (the same hours).
 */
export function EscalationNow(props: { levels: EscalationLevelAt[] | undefined }) {
  const { t } = useDataInfraTranslation();
  const levels = props.levels ?? [];
  if (levels.length === 0) {
    return <Typography variant="body2" component="span">{t('common.noEscalationPolicy')}</Typography>;
  }
  const reasons = [
    ...new Set(levels.filter(l => l.people.length === 0).map(l => l.reason ?? t('escalationNow.noOneReachable'))),
  ];
  return (
    <>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {levels.map(level => (
          <li key={level.index}>
            <Typography variant="body2" component="span">
              {level.afterMs === 0 ? t('common.atOnce') : t('common.after', { duration: formatDurationMs(level.afterMs) })}:{' '}
              {level.people.length === 0 ? (
                <Typography variant="body2" component="span" color="textSecondary">
                  {t('escalationNow.notNow', { target: <Target level={level} /> })}
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
          {t('escalationNow.notNowBecause', { reasons: reasons.join('; ') })}
        </Typography>
      )}
    </>
  );
}
