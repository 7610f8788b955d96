import { SearchFilter } from '@backstage/plugin-search-react';
import { useMemo } from 'react';
import { useDomains } from '../shared';
import { useDataInfraTranslation } from '../../hooks';

/** The search document field the filter sets (see the search module). */
export const DOMAIN_FILTER_FIELD = 'domain';

/** @public */
export interface DataInfraDomainSearchFilterProps {
  className?: string;
  /** Default 'Domain'. */
  label?: string;
  /** A domain id selected when the page opens; default none ("All"). */
  defaultValue?: string;
}

/**
 * A search page filter on the data-infra domain: a select of the configured
 * domains (`dataInfra.domains`, default the four of the seed) that sets the
 * search context's `domain` filter, plus "All" to clear it.
 *
 * Needs `@data-infra/backstage-plugin-search-backend-module-data-infra` in
 * the backend, which puts `domain` on every catalog document. One value at a
 * time: Backstage's Lunr engine treats a list of filter values as optional
 * terms, i.e. does not filter on them.
 *
 * In the legacy frontend system put it among the filters of your
 * SearchPage; in the new one the plugin provides it as
 * `search-filter:data-infra/domain`.
 *
 * @public
 */
export function DataInfraDomainSearchFilter(props: DataInfraDomainSearchFilterProps) {
  const domains = useDomains();
  const { t } = useDataInfraTranslation();
  const values = useMemo(
    () => domains.map(d => ({ value: d.id, label: d.title })),
    [domains],
  );
  return (
    <SearchFilter.Select
      className={props.className}
      label={props.label ?? t('search.domainFilter')}
      name={DOMAIN_FILTER_FIELD}
      values={values}
      defaultValue={props.defaultValue}
    />
  );
}
