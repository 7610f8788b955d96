import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import type { MapDependenciesResponse, MapDependency } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from '../shared';
import { LoadError } from './LoadError';
import { useDataInfraTranslation, type DataInfraAnswer } from '../../hooks';

/**
 * The cross-domain dependencies of the selected service, the shared
 * boundaries between teams, in both directions (GET /map/dependencies: the
 * other ends need not be among the tiles loaded); `answer` is the map's
 * one request for it, which also marks the tiles at the other ends.
 */
export function DependencyPanel(props: {
  service: { ref: string; title: string };
  answer: DataInfraAnswer<MapDependenciesResponse | undefined>;
  domainTitleOf: (id: string) => string;
  onClose: () => void;
}) {
  const { service, domainTitleOf } = props;
  const { t } = useDataInfraTranslation();
  const { value, loading, error, retry } = props.answer;
  const line = (key: 'ownershipMap.dependsOn' | 'ownershipMap.usedBy', other: MapDependency) => (
    <Typography variant="body2" key={`${key}-${other.ref}`}>
      {t(key, {
        service: <RefLink entityRef={other.ref} title={other.title} />,
        domain: domainTitleOf(other.domain),
      })}
    </Typography>
  );
  const more = (count: number) =>
    count > 0 && (
      <Typography variant="body2" color="textSecondary">
        {t('ownershipMap.moreDependencies', { count })}
      </Typography>
    );
  return (
    <Paper style={{ padding: 16, marginBottom: 16 }} aria-label={t('ownershipMap.dependencies')}>
      <Typography variant="subtitle1">{t('ownershipMap.dependenciesOf', { service: service.title })}</Typography>
      {loading && <Typography variant="body2">{t('ownershipMap.loadingDependencies')}</Typography>}
      {error && <LoadError error={error} onRetry={retry} />}
      {value && value.dependsOnCount === 0 && value.usedByCount === 0 && (
        <Typography variant="body2">{t('ownershipMap.noDependencies', { service: service.title })}</Typography>
      )}
      {value?.dependsOn.map(other => line('ownershipMap.dependsOn', other))}
      {value && more(value.dependsOnCount - value.dependsOn.length)}
      {value?.usedBy.map(other => line('ownershipMap.usedBy', other))}
      {value && more(value.usedByCount - value.usedBy.length)}
      <Button size="small" onClick={props.onClose}>
        {t('ownershipMap.clearSelection')}
      </Button>
    </Paper>
  );
}
