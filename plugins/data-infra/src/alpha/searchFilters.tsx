import { SearchFilterBlueprint } from '@backstage/plugin-search-react/alpha';
import { DataInfraDomainSearchFilter } from '../components/DataInfraDomainSearchFilter';

/**
 * The domain filter on the search page; id `search-filter:data-infra/domain`.
 * Its options are the configured domains (`dataInfra.domains`); it filters
 * on the `domain` field our search module puts on every catalog document.
 */
export const dataInfraDomainSearchFilter = SearchFilterBlueprint.make({
  name: 'domain',
  params: {
    component: ({ className }) => (
      <DataInfraDomainSearchFilter className={className} />
    ),
  },
});
