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
import useAsync from 'react-use/esm/useAsync';
import { assuranceApiRef } from '../api';

/**
 * Pages through an entity's evidence, newest first, with the server's
 * cursors. Remembers the cursor of every visited page so that the user can
 * go back.
 */
export function useEvidencePages(options: {
  entityRef: string;
  limit: number;
}) {
  const { entityRef, limit } = options;
  const assuranceApi = useApi(assuranceApiRef);
  // cursors[i] fetches page i + 1; the first page has no cursor.
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const cursor = cursors[cursors.length - 1];

  const { value, loading, error } = useAsync(
    () => assuranceApi.listEvidence({ entityRef, limit, cursor }),
    [assuranceApi, entityRef, limit, cursor],
  );

  const nextCursor = loading ? undefined : value?.nextCursor;

  const nextPage = useCallback(() => {
    if (nextCursor) {
      setCursors(previous => [...previous, nextCursor]);
    }
  }, [nextCursor]);

  const previousPage = useCallback(() => {
    setCursors(previous =>
      previous.length > 1 ? previous.slice(0, -1) : previous,
    );
  }, []);

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
