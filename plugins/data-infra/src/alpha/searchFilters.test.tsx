import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { SearchFilterBlueprint } from '@backstage/plugin-search-react/alpha';
import { dataInfraDomainSearchFilter } from './searchFilters';
import dataInfraPlugin from './index';
import { domainOptionLabels, openDomainSelect } from '../__testUtils__/domainFilter';

describe('dataInfraDomainSearchFilter', () => {
  it('is part of the plugin as search-filter:data-infra/domain', () => {
    expect(
      dataInfraPlugin.getExtension('search-filter:data-infra/domain'),
    ).toBeDefined();
  });

  it('gives the search page a Domain select of the configured domains that filters the search', async () => {
    const { component: Filter } = createExtensionTester(
      dataInfraDomainSearchFilter,
    ).get(SearchFilterBlueprint.dataRefs.searchFilters);
    const searchApi = {
      query: jest.fn().mockResolvedValue({ results: [], numberOfResults: 0 }),
    };
    // As the search page renders its filters: inside its search context,
    // with a class name.
    await act(async () => {
      await renderInTestApp(
        <SearchContextProvider>
          <Filter className="filter" />
        </SearchContextProvider>,
        {
          apis: [[searchApiRef, searchApi]],
          config: {
            dataInfra: {
              domains: [
                { id: 'mlops', title: 'MLOps' },
                { id: 'bi-services', title: 'BI Services' },
              ],
            },
          },
        },
      );
    });
    expect(screen.getByText('Domain')).toBeInTheDocument();
    const user = userEvent.setup();
    const list = await openDomainSelect(user);
    expect(domainOptionLabels(list)).toEqual([
      'All',
      'MLOps',
      'BI Services',
    ]);
    await act(async () => {
      await user.click(list.getByRole('option', { name: 'BI Services' }));
    });
    expect(searchApi.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ filters: { domain: 'bi-services' } }),
      expect.anything(),
    );
  });
});
