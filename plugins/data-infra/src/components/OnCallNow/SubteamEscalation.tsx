import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import { RefLink, formatDurationMs } from '../shared';

/**
 * A subteam's default escalation policy as it reaches people now, one line per
 * level; for a subteam without a rotation this is its fallback.
 */
export function SubteamEscalation(props: { subteamRef: string }) {
  const api = useApi(dataInfraApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEscalation(props.subteamRef),
    [api, props.subteamRef],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="error">
        Escalation policy unavailable: {error.message}
      </Typography>
    );
  }
  if (!value || value.levels.length === 0) {
    return <Typography variant="body2">No escalation policy declared.</Typography>;
  }
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {value.levels.map(level => (
        <li key={level.index}>
          <Typography variant="body2" component="span">
            {level.afterMs === 0 ? 'At once' : `After ${formatDurationMs(level.afterMs)}`}
            :{' '}
            {level.people.length === 0
              ? `nobody (${level.reason ?? 'no one reachable'})`
              : level.people.map((person, i) => (
                  <span key={person.ref}>
                    {i > 0 && ', '}
                    <RefLink entityRef={person.ref} title={person.displayName} />
                  </span>
                ))}
            {' via '}
            {level.targetTitle}
          </Typography>
        </li>
      ))}
    </ol>
  );
}
