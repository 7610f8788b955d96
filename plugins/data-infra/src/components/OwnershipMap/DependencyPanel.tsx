import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import { RefLink } from '../shared';
import type { MapEdge } from './filterMap';

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
  return (
    <Paper
      style={{ padding: 16, marginBottom: 16 }}
      aria-label="Cross-domain dependencies"
    >
      <Typography variant="subtitle1">
        Cross-domain dependencies of {service.title}
      </Typography>
      {dependsOn.length === 0 && usedBy.length === 0 && (
        <Typography variant="body2">
          {service.title} has no dependency across domains.
        </Typography>
      )}
      {dependsOn.map(edge => (
        <Typography variant="body2" key={`to-${edge.to}`}>
          Depends on <RefLink entityRef={edge.to} title={titleOf(edge.to)} /> (
          {domainTitleOf(edge.toDomain)})
        </Typography>
      ))}
      {usedBy.map(edge => (
        <Typography variant="body2" key={`from-${edge.from}`}>
          Used by <RefLink entityRef={edge.from} title={titleOf(edge.from)} /> (
          {domainTitleOf(edge.fromDomain)})
        </Typography>
      ))}
      <Button size="small" onClick={props.onClose}>
        Clear selection
      </Button>
    </Paper>
  );
}
