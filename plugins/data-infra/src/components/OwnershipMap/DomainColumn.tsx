import { makeStyles } from '@material-ui/core/styles';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Divider from '@material-ui/core/Divider';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import type { MapDomain, MapFilter } from './filterMap';
import { LoadError } from './LoadError';
import { ServiceTileList } from './ServiceTileList';
import { SubteamSummary } from './SubteamSummary';
import { useMapSubteams } from './useOwnershipMap';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  column: { padding: theme.spacing(2), minWidth: 0 },
  muted: { color: theme.palette.text.secondary },
}));

/**
 * Every subteam of a domain, once "Show all" was pressed: a page at a time
 * from GET /map/subteams (a domain of a large organisation has hundreds).
 */
function AllSubteams(props: { domain: string; count: number }) {
  const { t } = useDataInfraTranslation();
  const pages = useMapSubteams(props.domain);
  const shown = pages.loadedFromStart;
  const total = pages.total ?? props.count;
  return (
    <>
      {shown.map(subteam => (
        <SubteamSummary key={subteam.ref} subteam={subteam} />
      ))}
      {pages.error && <LoadError error={pages.error} onRetry={pages.retry} />}
      {shown.length < total && (
        <Button size="small" onClick={() => pages.ensure(shown.length, shown.length)}>
          {t('ownershipMap.showMoreSubteams', { shown: String(shown.length), count: total })}
        </Button>
      )}
    </>
  );
}

/**
 * One domain of the map: its findings, its subteams (lead, members,
 * stakeholders, who is on call now) above its services as tiles.
 */
export function DomainColumn(props: {
  domain: MapDomain;
  filter: MapFilter;
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (service: { ref: string; title: string }) => void;
}) {
  const { domain } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [showAll, setShowAll] = useState(false);
  const hidden = domain.subteamCount - domain.subteams.length;
  return (
    <Paper className={classes.column} component="section" aria-label={domain.title}>
      <Typography variant="h6" component="h2">
        {domain.title}
      </Typography>
      {domain.description && (
        <Typography variant="caption" component="p" className={classes.muted}>
          {domain.description}
        </Typography>
      )}
      <Typography variant="caption" className={classes.muted}>
        {t('ownershipMap.domainFindings', {
          errors: String(domain.findings.error),
          warnings: String(domain.findings.warning),
        })}
      </Typography>
      {domain.subteamCount === 0 && <Typography variant="body2">{t('ownershipMap.noSubteam')}</Typography>}
      {showAll ? (
        <AllSubteams domain={domain.id} count={domain.subteamCount} />
      ) : (
        domain.subteams.map(subteam => <SubteamSummary key={subteam.ref} subteam={subteam} />)
      )}
      {!showAll && hidden > 0 && (
        <Button size="small" onClick={() => setShowAll(true)}>
          {t('ownershipMap.showAllSubteams', { count: domain.subteamCount })}
        </Button>
      )}
      <Divider />
      <ServiceTileList
        domain={domain.id}
        serviceCount={domain.serviceCount}
        filter={props.filter}
        selectedRef={props.selectedRef}
        relatedRefs={props.relatedRefs}
        onSelect={props.onSelect}
      />
    </Paper>
  );
}
