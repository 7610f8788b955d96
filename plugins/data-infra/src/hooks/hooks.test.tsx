import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { mockDataInfraApi } from '../__testUtils__/fixtures';
import { dataInfraApiRef } from '../api';
import { useChecks } from './useChecks';
import { useOnCall } from './useOnCall';

function withApi(api: ReturnType<typeof mockDataInfraApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[dataInfraApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('the data-infra hooks', () => {
  it('ask once per input: a re-render with the same entity asks nothing, another entity asks again', async () => {
    const api = mockDataInfraApi();
    const { result, rerender } = renderHook((props: { entityRef: string }) => useChecks(props.entityRef), {
      wrapper: withApi(api),
      initialProps: { entityRef: 'subteam:default/data-platform' },
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toEqual({ groups: [] });

    // The catalog re-reads the entity: a new object, the same ref.
    rerender({ entityRef: 'subteam:default/data-platform' });
    rerender({ entityRef: 'subteam:default/data-platform' });
    expect(api.getChecks).toHaveBeenCalledTimes(1);

    rerender({ entityRef: 'subteam:default/mlops' });
    await waitFor(() => expect(api.getChecks).toHaveBeenCalledTimes(2));
    expect(api.getChecks).toHaveBeenLastCalledWith({ entityRef: 'subteam:default/mlops' });
  });

  it('report an error and ask again on retry', async () => {
    const api = mockDataInfraApi({
      getOnCall: jest.fn().mockRejectedValueOnce(new Error('backend down')).mockResolvedValue({ rotations: [] }),
    });
    const { result } = renderHook(() => useOnCall({ rotation: 'rotation:default/data-platform-oncall' }), {
      wrapper: withApi(api),
    });
    await waitFor(() => expect(result.current.error?.message).toBe('backend down'));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.value).toEqual({ rotations: [] }));
    expect(result.current.error).toBeUndefined();
    // One rotation, never the whole org.
    expect(api.getOnCall).toHaveBeenCalledTimes(2);
    expect(api.getOnCall).toHaveBeenCalledWith({ rotation: 'rotation:default/data-platform-oncall' });
  });
});
