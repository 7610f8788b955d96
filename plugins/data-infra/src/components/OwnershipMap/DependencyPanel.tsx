import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import { RefLink } from '../shared';
import type { MapEdge } from './filterMap';
import { useDataInfraTranslation } from '../../hooks';

/**
 * The cross-domain dependencies of the selected service: the shared
 * boundaries between teams, in both directions.
 */
export function DependencyPanel(props: {
  service: { ref: string; title: string };
  dependsOn: MapEdge[];
  usedBy: MapEdge[];
  titleOf: (ref: string) => string | undefined;
  domainTitleOf: (id: string) => string;
  onClose: () => void;
}) {
  const { service, dependsOn, usedBy, titleOf, domainTitleOf } = props;
  const { t } = useDataInfraTranslation();
  return (
    <Paper
      style={{ padding: 16, marginBottom: 16 }}
      aria-label={t('ownershipMap.dependencies')}
    >
      <Typography variant="subtitle1">
        {t('ownershipMap.dependenciesOf', { service: service.title })}
      </Typography>
      {dependsOn.length === 0 && usedBy.length === 0 && (
        <Typography variant="body2">
          {t('ownershipMap.noDependencies', { service: service.title })}
        </Typography>
      )}
      {dependsOn.map(edge => (
        <Typography variant="body2" key={`to-${edge.to}`}>
          {t('ownershipMap.dependsOn', {
            service: <RefLink entityRef={edge.to} title={titleOf(edge.to)} />,
            domain: domainTitleOf(edge.toDomain),
          })}
        </Typography>
      ))}
      {usedBy.map(edge => (
        <Typography variant="body2" key={`from-${edge.from}`}>
          {t('ownershipMap.usedBy', {
            service: <RefLink entityRef={edge.from} title={titleOf(edge.from)} />,
            domain: domainTitleOf(edge.fromDomain),
          })}
        </Typography>
      ))}
      <Button size="small" onClick={props.onClose}>
        {t('ownershipMap.clearSelection')}
      </Button>
    </Paper>
  );
}
