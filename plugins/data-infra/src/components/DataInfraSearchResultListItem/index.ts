export { DataInfraSearchResultListItem } from './DataInfraSearchResultListItem';
export type {
  DataInfraSearchDocument,
  DataInfraSearchResultListItemProps,
} from './DataInfraSearchResultListItem';
export { isDataInfraSearchResult, DATA_INFRA_SEARCH_KINDS } from './predicate';
