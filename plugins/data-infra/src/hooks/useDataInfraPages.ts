import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { dataInfraApiRef, type DataInfraApi } from '../api';
import type { AnswerKey } from './useDataInfraAnswer';

/** A list the backend pages, loaded a page at a time as it is shown. */
export interface DataInfraPages<T> {
  /** How many items the list has; undefined until the first page came. */
  total?: number;
  /** The item at `index`, once its page has come. */
  item(index: number): T | undefined;
  /** The items from the start up to the first page not loaded yet. */
  loadedFromStart: T[];
  /** Loads the pages that hold items `from` to `to` (inclusive) that are not loaded or loading. */
  ensure(from: number, to: number): void;
  error?: Error;
  /** Asks again for the pages that failed. */
  retry(): void;
}

interface PagesState<T> {
  pages: Map<number, T[]>;
  total?: number;
  error?: Error;
}

/**
 * Asks the data-infra backend for a list page by page: the first page when
 * the `key` values change (the list and its filters), others when
 * `ensure` names items on them (a virtualised list calls it with what
 * is in view). Answers for an earlier key are dropped. Like
 * useDataInfraAnswer, the one place a paged list reaches the API.
 */
export function useDataInfraPages<T>(
  ask: (api: DataInfraApi, page: { offset: number; limit: number }) => Promise<{ items: T[]; totalItems: number }>,
  pageSize: number,
  key: AnswerKey,
): DataInfraPages<T> {
  const api = useApi(dataInfraApiRef);
  const [state, setState] = useState<PagesState<T>>({ pages: new Map() });
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const lastRange = useRef<[number, number]>([0, 0]);
  const askRef = useRef(ask);
  askRef.current = ask;

  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const mine = generation.current;
      askRef.current(api, { offset: page * pageSize, limit: pageSize }).then(
        answer => {
          if (mine !== generation.current) return;
          setState(s => ({ pages: new Map(s.pages).set(page, answer.items), total: answer.totalItems }));
        },
        error => {
          if (mine !== generation.current) return;
          requested.current.delete(page);
          setState(s => ({ ...s, error }));
        },
      );
    },
    [api, pageSize],
  );

  const keyString = JSON.stringify(key);
  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setState({ pages: new Map() });
    load(0);
  }, [keyString, load]);

  const { pages, total, error } = state;
  const ensure = useCallback(
    (from: number, to: number) => {
      lastRange.current = [from, to];
      if (total === undefined) return;
      const last = Math.min(to, total - 1);
      for (let page = Math.floor(Math.max(0, from) / pageSize); page * pageSize <= last; page++) load(page);
    },
    [load, pageSize, total],
  );
  const loadedFromStart: T[] = [];
  for (let page = 0; pages.has(page); page++) loadedFromStart.push(...pages.get(page)!);
  return {
    total,
    item: index => pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    loadedFromStart,
    ensure,
    error,
    retry: () => {
      setState(s => ({ ...s, error: undefined }));
      if (!pages.has(0)) load(0);
      else ensure(...lastRange.current);
    },
  };
}
