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

import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { EvidenceFilter } from '@real-app-forever/plugin-assurance-common';
import useAsync from 'react-use/esm/useAsync';
import { assuranceApiRef } from '../api';

const FIRST_PAGE: Array<string | undefined> = [undefined];

/**
 * Pages through an entity's evidence, newest first, with the server's
 * cursors. Remembers the cursor of every visited page so that the user can
 * go back. A new filter starts again at the first page.
 */
export function useEvidencePages(options: {
  entityRef: string;
  limit: number;
  filter?: EvidenceFilter;
}) {
  const { entityRef, limit, filter } = options;
  const assuranceApi = useApi(assuranceApiRef);
  const queryKey = JSON.stringify([entityRef, filter ?? null]);
  // cursors[i] fetches page i + 1; the first page has no cursor. They belong
  // to the query they were read for, so that a new filter resets them.
  const [state, setState] = useState({ queryKey, cursors: FIRST_PAGE });
  const cursors = state.queryKey === queryKey ? state.cursors : FIRST_PAGE;
  const cursor = cursors[cursors.length - 1];

  const { value, loading, error } = useAsync(
    () => assuranceApi.listEvidence({ entityRef, limit, cursor, filter }),
    // The filter is a new object on every change of the query string; its
    // key says whether it really changed.
    [assuranceApi, entityRef, limit, cursor, queryKey],
  );

  const nextCursor = loading ? undefined : value?.nextCursor;

  const nextPage = useCallback(() => {
    if (nextCursor) {
      setState(previous => ({
        queryKey,
        cursors: [
          ...(previous.queryKey === queryKey ? previous.cursors : FIRST_PAGE),
          nextCursor,
        ],
      }));
    }
  }, [nextCursor, queryKey]);

  const previousPage = useCallback(() => {
    setState(previous =>
      previous.queryKey === queryKey && previous.cursors.length > 1
        ? { queryKey, cursors: previous.cursors.slice(0, -1) }
        : { queryKey, cursors: FIRST_PAGE },
    );
  }, [queryKey]);

  return {
    page: value,
    loading,
    error,
    pageNumber: cursors.length,
    hasNextPage: Boolean(nextCursor),
    hasPreviousPage: cursors.length > 1 && !loading,
    nextPage,
    previousPage,
  };
}
