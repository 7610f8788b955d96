import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { OwnershipMapResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { BudgetLegend } from './BudgetLegend';
import { DependencyPanel } from './DependencyPanel';
import { DomainColumn } from './DomainColumn';
import { MapFilters } from './MapFilters';
import { useMapDependencies, useOwnershipMap } from './useOwnershipMap';
import { EMPTY_FILTER } from './filterMap';
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

/** Typing asks the server once the typist pauses, not at every key. */
const FILTER_DEBOUNCE_MS = 300;

/** The map once its summary is loaded; its tiles load as they are scrolled to. */
export function OwnershipMapView(props: { map: OwnershipMapResponse }) {
  const { map } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [filter, setFilter] = useState(EMPTY_FILTER);
  const [applied, setApplied] = useState(EMPTY_FILTER);
  useDebounce(() => setApplied(filter), FILTER_DEBOUNCE_MS, [filter]);
  const [selected, setSelected] = useState<{ ref: string; title: string }>();
  // One request: the panel shows it, and its other ends are marked on the tiles.
  const dependencyAnswer = useMapDependencies(selected?.ref);
  const dependencies = dependencyAnswer.value;
  const relatedRefs = useMemo(
    () => new Set([...(dependencies?.dependsOn ?? []), ...(dependencies?.usedBy ?? [])].map(d => d.ref)),
    [dependencies],
  );
  // The backend sends the configured order; sort anyway so the map never depends on it.
  const domains = useMemo(() => [...map.domains].sort((a, b) => a.order - b.order), [map]);
  const domainTitleOf = (id: string) => map.domains.find(d => d.id === id)?.title ?? id;

  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {map.totals.domains} domains · {map.totals.subteams} subteams ·{' '}
        {map.totals.services.toLocaleString('en-US')} services ·{' '}
        {map.totals.rotations} rotations · {map.totals.findings.error ?? 0}{' '}
        errors, {map.totals.findings.warning ?? 0} warnings
      </Typography>
      {map.measured && <BudgetLegend />}
      <MapFilters
        filter={filter}
        tiers={map.filters.tiers.map(String)}
        lifecycles={map.filters.lifecycles}
        onChange={setFilter}
      />
      {selected && (
        <DependencyPanel
          service={selected}
          answer={dependencyAnswer}
          domainTitleOf={domainTitleOf}
          onClose={() => setSelected(undefined)}
        />
      )}
      {domains.length === 0 ? (
        <Typography variant="body2">{t('ownershipMap.noDomains')}</Typography>
      ) : (
        <div className={classes.grid}>
          {domains.map(domain => (
            <DomainColumn
              key={domain.id}
              domain={domain}
              filter={applied}
              selectedRef={selected?.ref}
              relatedRefs={relatedRefs}
              onSelect={service => setSelected(current => (current?.ref === service.ref ? undefined : service))}
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
