import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  SearchContextProvider,
  searchApiRef,
  useSearch,
} from '@backstage/plugin-search-react';
import { DataInfraDomainSearchFilter } from './DataInfraDomainSearchFilter';
import { domainOptionLabels, openDomainSelect } from '../../__testUtils__/domainFilter';

/** What the search page would send: the context's filters. */
function CurrentFilters() {
  const { filters, result } = useSearch();
  return (
    <output aria-label="filters" aria-busy={result.loading}>
      {JSON.stringify(filters)}
    </output>
  );
}

/** Waits until the search the filters started has answered. */
async function searchSettled() {
  await waitFor(() =>
    expect(screen.getByLabelText('filters')).toHaveAttribute('aria-busy', 'false'),
  );
}

async function renderFilter(config?: Record<string, any>) {
  const searchApi = {
    query: jest.fn().mockResolvedValue({ results: [], numberOfResults: 0 }),
  };
  // The search context answers its first (empty) search right after the
  // first render; let that happen inside act.
  await act(async () => {
    await renderInTestApp(
      <SearchContextProvider>
        <DataInfraDomainSearchFilter />
        <CurrentFilters />
      </SearchContextProvider>,
      { apis: [[searchApiRef, searchApi]], config },
    );
  });
  await searchSettled();
  return { searchApi, user: userEvent.setup() };
}

describe('DataInfraDomainSearchFilter', () => {
  it('offers "All" and the four default domains', async () => {
    const { user } = await renderFilter();
    expect(screen.getByText('Domain')).toBeInTheDocument();
    const list = await openDomainSelect(user);
    expect(domainOptionLabels(list)).toEqual([
      'All',
      'Data Platform',
      'Data Engineering',
      'MLOps',
      'BI Services',
    ]);
  });

  it('offers the configured domains, in their order', async () => {
    const { user } = await renderFilter({
      dataInfra: {
        domains: [
          { id: 'streaming', title: 'Streaming', order: 2 },
          { id: 'warehouse', title: 'Warehouse', order: 1 },
        ],
      },
    });
    const list = await openDomainSelect(user);
    expect(domainOptionLabels(list)).toEqual([
      'All',
      'Warehouse',
      'Streaming',
    ]);
  });

  it('filters the search on the selected domain id, and "All" removes the filter', async () => {
    const { user, searchApi } = await renderFilter();
    expect(screen.getByLabelText('filters')).toHaveTextContent('{}');

    await user.click((await openDomainSelect(user)).getByRole('option', { name: 'MLOps' }));
    expect(screen.getByLabelText('filters')).toHaveTextContent('{"domain":"mlops"}');
    await searchSettled();
    expect(searchApi.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ filters: { domain: 'mlops' } }),
      expect.anything(),
    );
    expect(screen.getByRole('button', { name: /MLOps/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /MLOps/ }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'All' }));
    expect(screen.getByLabelText('filters')).toHaveTextContent('{}');
    await searchSettled();
    expect(searchApi.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ filters: {} }),
      expect.anything(),
    );
  });
});
