import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { OwnershipMapResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDeferredValue, useMemo, useState } from 'react';
import { BudgetLegend } from './BudgetLegend';
import { DependencyPanel } from './DependencyPanel';
import { DomainColumn } from './DomainColumn';
import { MapFilters } from './MapFilters';
import { useOwnershipMap } from './useOwnershipMap';
import { EMPTY_FILTER, edgesOf, filterOptions, filterServices } from './filterMap';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridAutoFlow: 'column',
    gridAutoColumns: 'minmax(220px, 1fr)',
    gap: theme.spacing(2),
    overflowX: 'auto',
    alignItems: 'start',
  },
}));

/** The map once loaded; split out so it can be rendered from fixed data. */
export function OwnershipMapView(props: { map: OwnershipMapResponse }) {
  const { map } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [filter, setFilter] = useState(EMPTY_FILTER);
  // Typing stays responsive at 5,000 services: filtering lags a keystroke.
  const deferredFilter = useDeferredValue(filter);
  const [selectedRef, setSelectedRef] = useState<string>();

  const options = useMemo(() => filterOptions(map.domains), [map]);
  const filtered = useMemo(
    () =>
      // The backend sends the configured order; sort anyway so the map never
      // depends on it.
      [...map.domains]
        .sort((a, b) => a.order - b.order)
        .map(domain => ({
        domain,
          services: filterServices(domain.services, deferredFilter),
        })),
    [map, deferredFilter],
  );
  const serviceByRef = useMemo(() => {
    const byRef = new Map<string, { ref: string; title: string }>();
    for (const domain of map.domains) {
      for (const service of domain.services) byRef.set(service.ref, service);
    }
    return byRef;
  }, [map]);

  const selected = selectedRef ? serviceByRef.get(selectedRef) : undefined;
  const edges = selectedRef
    ? edgesOf(selectedRef, map.crossDomainEdges)
    : { dependsOn: [], usedBy: [] };
  const relatedRefs = useMemo(
    () =>
      new Set([
        ...edges.dependsOn.map(edge => edge.to),
        ...edges.usedBy.map(edge => edge.from),
      ]),
    // edges is derived from these two
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedRef, map],
  );
  const domainTitleOf = (id: string) =>
    map.domains.find(d => d.id === id)?.title ?? id;

  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {map.totals.domains} domains · {map.totals.subteams} subteams ·{' '}
        {map.totals.services.toLocaleString('en-US')} services ·{' '}
        {map.totals.rotations} rotations · {map.totals.findings.error ?? 0}{' '}
        errors, {map.totals.findings.warning ?? 0} warnings
      </Typography>
      {map.domains.some(d => d.services.some(s => s.measured)) && <BudgetLegend />}
      <MapFilters
        filter={filter}
        tiers={options.tiers}
        lifecycles={options.lifecycles}
        onChange={setFilter}
      />
      {selected && (
        <DependencyPanel
          service={selected}
          dependsOn={edges.dependsOn}
          usedBy={edges.usedBy}
          titleOf={ref => serviceByRef.get(ref)?.title}
          domainTitleOf={domainTitleOf}
          onClose={() => setSelectedRef(undefined)}
        />
      )}
      {map.domains.length === 0 ? (
        <Typography variant="body2">{t('ownershipMap.noDomains')}</Typography>
      ) : (
        <div className={classes.grid}>
          {filtered.map(({ domain, services }) => (
            <DomainColumn
              key={domain.id}
              domain={domain}
              services={services}
              selectedRef={selectedRef}
              relatedRefs={relatedRefs}
              onSelect={ref =>
                setSelectedRef(current => (current === ref ? undefined : ref))
              }
            />
          ))}
        </div>
      )}
    </>
  );
}

/**
 * The ownership map: the domains side by side in their configured order,
 * each with its subteams and its services.
 */
export function OwnershipMap() {
  const { value, loading, error } = useOwnershipMap();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return <OwnershipMapView map={value} />;
}
