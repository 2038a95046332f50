import { useCallback, useState } from 'react';
import { call, type InputFor, type OutputFor } from './api';
import { useApi } from './hooks';

/** Methods that answer one page of a long list: `limit` and `offset` in, `total` and `items` out. */
export type PagedMethod = 'entries.list';
type Item<M extends PagedMethod> = OutputFor<M>['items'][number];
type Filter<M extends PagedMethod> = Omit<InputFor<M>, 'limit' | 'offset'>;

export interface PagedList<T> {
  /** Lines in the whole list; null until the first page of this filter is in. */
  total: number | null;
  /** The first page of this filter is in (so `total` and the first rows are this filter's). */
  ready: boolean;
  error: string | null;
  /** The item at a position, once its page is in. */
  itemAt: (index: number) => T | undefined;
  /** Fetch the pages that hold positions `first` through `last` (those not in or on their way). */
  need: (first: number, last: number) => void;
}

/**
 * A long list read page by page as it scrolls into view. The first page is an ordinary `useApi`
 * question, so it follows the same rules as every other screen's figures (drawn at once from a
 * kept answer, asked again behind it, never an answer of an earlier filter). The later pages belong
 * to the first page they were fetched under: a new first page (another filter, or the books
 * changed and its answer with them) starts them afresh.
 */
export function usePagedApi<M extends PagedMethod>(method: M, filter: Filter<M>, pageSize: number): PagedList<Item<M>> {
  const filterKey = JSON.stringify(filter);
  const firstInput = { ...filter, limit: pageSize, offset: 0 } as InputFor<M>;
  const first = useApi(method, firstInput);
  const ready = first.data !== null && first.dataKey === JSON.stringify(firstInput);
  // One set of later pages per first page on screen, replaced with it (React's pattern for state
  // that follows a value: set during render, no effect and no frame with the old pages).
  const [stored, setLater] = useState(() => laterPages<Item<M>>(first.data, first.dataKey));
  let later = stored;
  if (later.of !== first.data || later.key !== first.dataKey) {
    later = laterPages<Item<M>>(first.data, first.dataKey);
    setLater(later);
  }
  const [, setVersion] = useState(0);
  const [laterError, setLaterError] = useState<{ of: object; message: string } | null>(null);

  const need = useCallback(
    (from: number, to: number) => {
      if (!ready) return;
      for (let page = Math.max(1, Math.floor(from / pageSize)); page <= Math.floor(to / pageSize); page++) {
        if (later.pages.has(page) || later.pending.has(page)) continue;
        later.pending.add(page);
        call(method, { ...(JSON.parse(filterKey) as Filter<M>), limit: pageSize, offset: page * pageSize } as InputFor<M>)
          // A page of a first page no longer on screen lands in its dropped set, harmlessly.
          .then((r) => {
            later.pages.set(page, (r as OutputFor<M>).items as Item<M>[]);
            setVersion((v) => v + 1);
          })
          .catch((e: unknown) => setLaterError({ of: later, message: e instanceof Error ? e.message : String(e) }))
          .finally(() => later.pending.delete(page));
      }
    },
    [ready, later, method, filterKey, pageSize],
  );

  const items = ready ? (first.data!.items as Item<M>[]) : null;
  const itemAt = (index: number): Item<M> | undefined =>
    items === null ? undefined : index < pageSize ? items[index] : later.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
  const error = first.error ?? (laterError?.of === later ? laterError.message : null);
  return { total: ready ? first.data!.total : null, ready, error, itemAt, need };
}

interface LaterPages<T> {
  /** The first page (and its question) these pages were fetched under. */
  of: unknown;
  key: string | null;
  pages: Map<number, T[]>;
  pending: Set<number>;
}

function laterPages<T>(of: unknown, key: string | null): LaterPages<T> {
  return { of, key, pages: new Map(), pending: new Set() };
}
