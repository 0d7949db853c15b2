import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

/** One page of a Relay connection, as the API answers it. */
export interface Page<Node> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: readonly { node: Node }[];
}

export type Paged<Node> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | {
      state: 'done';
      nodes: Node[];
      totalCount: number;
      hasNextPage: boolean;
      /** True while the next page is on its way. */
      loadingMore: boolean;
      /** Why the last "more" failed; the pages already shown stay. */
      moreError: ApiError | null;
    };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('ERROR', String(error));
}

/**
 * A list read a page at a time: the first page when `key` changes, the next one on `more()`, appended
 * to what is shown. The API caps plain lists (LIST_TOO_LONG past 100), so a long list is only readable
 * this way. `load(after)` asks for the page after the cursor (null: the first page).
 */
export function usePaged<Node>(load: (after: string | null) => Promise<Page<Node> | null>, key: string, skip = false): Paged<Node> & { more(): void } {
  const [paged, setPaged] = useState<Paged<Node>>({ state: 'loading' });
  const [cursor, setCursor] = useState<string | null>(null);
  // A "more" answered after the list changed (another subject, another token) must not be appended.
  const generation = useRef(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    generation.current += 1;
    setPaged({ state: 'loading' });
    setCursor(null);
    load(null).then(
      (page) => {
        if (!live) return;
        setCursor(page?.pageInfo.endCursor ?? null);
        setPaged({ state: 'done', nodes: page ? page.edges.map((e) => e.node) : [], totalCount: page?.totalCount ?? 0, hasNextPage: page?.pageInfo.hasNextPage ?? false, loadingMore: false, moreError: null });
      },
      (error: unknown) => live && setPaged({ state: 'error', error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [key, skip]);

  function more() {
    if (paged.state !== 'done' || !paged.hasNextPage || paged.loadingMore) return;
    const shown = paged;
    const asked = generation.current;
    setPaged({ ...shown, loadingMore: true, moreError: null });
    load(cursor).then(
      (page) => {
        if (asked !== generation.current) return;
        setCursor(page?.pageInfo.endCursor ?? null);
        setPaged({ ...shown, nodes: [...shown.nodes, ...(page ? page.edges.map((e) => e.node) : [])], totalCount: page?.totalCount ?? shown.totalCount, hasNextPage: page?.pageInfo.hasNextPage ?? false, loadingMore: false, moreError: null });
      },
      (error: unknown) => asked === generation.current && setPaged({ ...shown, loadingMore: false, moreError: asApiError(error) }),
    );
  }
  return { ...paged, more };
}
