import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { SubteamEntityV1alpha1 } from '@data-infra/backstage-plugin-data-infra-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { DataInfraAnswer } from '../../hooks';

/**
 * The owner Subteam of a DataService, read from the catalog by its full
 * ref (undefined when there is no ref, or the catalog does not have it).
 */
export function useOwnerSubteam(ownerRef: string | undefined): DataInfraAnswer<SubteamEntityV1alpha1 | undefined> {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    if (!ownerRef) return undefined;
    return (await catalogApi.getEntityByRef(ownerRef)) as SubteamEntityV1alpha1 | undefined;
  }, [catalogApi, ownerRef]);
  return { value, loading, error, retry };
}
