import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { isDataInfraSearchResult } from '../components/DataInfraSearchResultListItem/predicate';

/**
 * The search result list item of DataService, Subteam and Rotation documents
 * on the search page; id `search-result-list-item:data-infra`.
 *
 * The search page renders each result with the first item whose predicate
 * accepts it, and the catalog's item accepts every `software-catalog`
 * document. Ours therefore has to come before the catalog's: list it in
 * `app.extensions` (see the README). Our predicate accepts only our kinds,
 * so every other entity still reaches the catalog's item.
 */
export const dataInfraSearchResultListItem = SearchResultListItemBlueprint.make(
  {
    params: {
      predicate: isDataInfraSearchResult,
      component: () =>
        import('../components/DataInfraSearchResultListItem').then(
          m => m.DataInfraSearchResultListItem,
        ),
    },
  },
);
