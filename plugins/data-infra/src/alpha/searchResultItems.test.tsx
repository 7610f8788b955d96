import { createExtensionTester } from '@backstage/frontend-test-utils';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { dataInfraSearchResultListItem } from './searchResultItems';
import dataInfraPlugin from './index';

const doc = (kind: string) => ({
  title: kind,
  text: '',
  location: `/catalog/default/${kind.toLowerCase()}/x`,
  kind,
});

describe('dataInfraSearchResultListItem', () => {
  const item = createExtensionTester(dataInfraSearchResultListItem).get(
    SearchResultListItemBlueprint.dataRefs.item,
  );

  it('is part of the plugin as search-result-list-item:data-infra', () => {
    expect(
      dataInfraPlugin.getExtension('search-result-list-item:data-infra'),
    ).toBeDefined();
  });

  it('accepts our kinds and leaves everything else to other items', () => {
    expect(item.predicate).toBeDefined();
    const predicate = item.predicate!;
    for (const kind of ['DataService', 'Subteam', 'Rotation', 'dataservice']) {
      expect(predicate({ type: 'software-catalog', document: doc(kind) })).toBe(true);
    }
    expect(predicate({ type: 'software-catalog', document: doc('Component') })).toBe(false);
    expect(predicate({ type: 'techdocs', document: doc('DataService') })).toBe(false);
  });
});
