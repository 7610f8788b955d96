/** The catalog kinds whose search results our list item renders. */
export const DATA_INFRA_SEARCH_KINDS = ['DataService', 'Subteam', 'Rotation'];

/**
 * True for a search result our list item should render: a `software-catalog`
 * document (the catalog collator's type, which our search module extends)
 * of one of our kinds. Everything else is left to the catalog's own item or
 * the default one.
 *
 * @public
 */
export function isDataInfraSearchResult(result: {
  type: string;
  document: object;
}): boolean {
  if (result.type !== 'software-catalog') return false;
  const kind = (result.document as { kind?: unknown } | undefined)?.kind;
  return (
    typeof kind === 'string' &&
    DATA_INFRA_SEARCH_KINDS.some(
      k => k.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'),
    )
  );
}
