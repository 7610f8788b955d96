import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataInfraApiRef, type DataInfraApi } from '../api';

/** What every data-infra hook returns: the answer, or where it stands. */
export type DataInfraAnswer<T> = {
  value?: T;
  loading: boolean;
  error?: Error;
  /** Asks again (after an error, or to refresh). */
  retry: () => void;
};

/**
 * The inputs a question is keyed on. Only values, never objects: a card
 * whose entity is re-read from the catalog unchanged gets a new entity
 * object but the same ref string, and must not ask again.
 */
export type AnswerKey = ReadonlyArray<string | number | boolean | undefined>;

/**
 * Asks the data-infra backend one question and keeps the answer until one
 * of the `key` values changes. The one place the components' hooks reach
 * the API, so that a component never calls `useApi(dataInfraApiRef)`.
 */
export function useDataInfraAnswer<T>(
  ask: (api: DataInfraApi) => Promise<T>,
  key: AnswerKey,
): DataInfraAnswer<T> {
  const api = useApi(dataInfraApiRef);
  // `ask` is a new closure on every render; the key says when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { value, loading, error, retry } = useAsyncRetry(() => ask(api), [api, ...key]);
  return { value, loading, error, retry };
}
