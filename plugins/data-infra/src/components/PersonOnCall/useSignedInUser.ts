import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The signed-in user's entity ref, lower-cased (as the backend compares
 * refs); undefined while it is read.
 */
export function useSignedInUser(): { userRef?: string; loading: boolean; error?: Error } {
  const identityApi = useApi(identityApiRef);
  const { value, loading, error } = useAsync(() => identityApi.getBackstageIdentity(), [identityApi]);
  return { userRef: value?.userEntityRef.toLocaleLowerCase('en-US'), loading, error };
}
