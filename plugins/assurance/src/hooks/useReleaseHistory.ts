/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { useCallback, useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { assuranceApiRef } from '../api';
import { ReleaseHistoryView, SINCE_DAYS } from './useReleaseFilter';

/** Releases fetched at a time; older ones come with `loadMore`. */
export const RELEASE_PAGE_SIZE = 100;

/**
 * Loads an entity's releases across environments, newest first, filtered
 * on the server by environment, status and age, a page at a time: the
 * newest page first, older ones appended by `loadMore`. The age is turned
 * into a time when the request is made, so that a refresh moves the window
 * along (and starts again at the newest page).
 */
export function useReleaseHistory(options: {
  entityRef: string;
  view: ReleaseHistoryView;
}) {
  const { entityRef } = options;
  const { environment, status, since } = options.view;
  const assuranceApi = useApi(assuranceApiRef);
  // A stable dependency: a new array on each render would reload forever.
  const statusKey = status.join(',');
  // Older pages belong to the first page they were loaded after.
  const [older, setOlder] = useState<{
    after?: string;
    items: Release[];
    nextCursor?: string;
    /** Where in the whole list the page loaded last begins. */
    lastFrom?: number;
  }>({ items: [] });

  const first = useAsyncRetry(async () => {
    const statuses = statusKey ? (statusKey.split(',') as ReleaseStatus[]) : [];
    const filter = {
      ...(environment ? { environment } : {}),
      ...(statuses.length > 0 ? { status: statuses } : {}),
      ...(since
        ? {
            since: DateTime.utc()
              .minus({ days: SINCE_DAYS[since] })
              .startOf('minute')
              .toISO()!,
          }
        : {}),
    };
    const query = {
      entityRef,
      limit: RELEASE_PAGE_SIZE,
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    };
    const page = await assuranceApi.listReleases(query);
    return { ...page, query };
  }, [assuranceApi, entityRef, environment, statusKey, since]);

  const page = first.value;
  // The first page the older ones follow: its query and where it ended.
  const pageKey = page && JSON.stringify([page.query, page.nextCursor]);
  const more = older.after !== undefined && older.after === pageKey;
  const nextCursor = more ? older.nextCursor : page?.nextCursor;

  const [moreState, loadMore] = useAsyncFn(async () => {
    if (!page || !nextCursor) {
      return;
    }
    const next = await assuranceApi.listReleases({
      ...page.query,
      cursor: nextCursor,
    });
    setOlder(previous => {
      const before = previous.after === pageKey ? previous.items : [];
      return {
        after: pageKey,
        items: [...before, ...next.items],
        nextCursor: next.nextCursor,
        lastFrom: page.items.length + before.length,
      };
    });
  }, [assuranceApi, page, pageKey, nextCursor]);

  const { retry } = first;
  const reload = useCallback(() => {
    setOlder({ items: [] });
    retry();
  }, [retry]);

  // One array per change, so that the table keeps its page between renders.
  const value = useMemo(
    () => (page ? [...page.items, ...(more ? older.items : [])] : undefined),
    [page, more, older.items],
  );

  return {
    value,
    loading: first.loading,
    error: first.error,
    retry: reload,
    hasMore: Boolean(nextCursor),
    /** The index of the first release `loadMore` added last, if any. */
    olderFrom: more ? older.lastFrom : undefined,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
