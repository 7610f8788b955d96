import { SearchFilterBlueprint } from '@backstage/plugin-search-react/alpha';
import { lazy, Suspense } from 'react';

// Loaded with the search page, not with the app: the filter pulls in the
// plugin's shared components, which the app's initial chunk must not carry.
const LazyDomainFilter = lazy(() =>
  import('../components/DataInfraDomainSearchFilter').then(m => ({
    default: m.DataInfraDomainSearchFilter,
  })),
);

/**
 * The domain filter on the search page; id `search-filter:data-infra/domain`.
 * Its options are the configured domains (`dataInfra.domains`); it filters
 * on the `domain` field our search module puts on every catalog document.
 */
export const dataInfraDomainSearchFilter = SearchFilterBlueprint.make({
  name: 'domain',
  params: {
    component: ({ className }) => (
      <Suspense fallback={null}>
        <LazyDomainFilter className={className} />
      </Suspense>
    ),
  },
});
