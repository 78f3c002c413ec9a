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

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EVIDENCE_FORMATS,
  EvidenceFilter,
  EvidenceFormat,
} from '@real-app-forever/plugin-assurance-common';

/**
 * The query parameters an evidence filter is kept in, in a stable order.
 */
export const EVIDENCE_FILTER_KEYS = [
  'format',
  'executionId',
  'artifact',
  'digest',
  'releaseId',
  'workItem',
] as const;

/**
 * Reads the evidence filter from the query string (`?format=junit&…`) and
 * writes changes back to it, so that a filtered view can be linked. Other
 * parameters, such as `?id=`, are kept.
 */
export function useEvidenceFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(
    () => parseEvidenceFilter(searchParams),
    [searchParams],
  );

  const setFilter = useCallback(
    (changes: Partial<EvidenceFilter>) => {
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const key of EVIDENCE_FILTER_KEYS) {
            if (key in changes) {
              const value = changes[key]?.trim();
              if (value) {
                next.set(key, value);
              } else {
                next.delete(key);
              }
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const clearFilter = useCallback(
    () =>
      setFilter({
        format: undefined,
        executionId: undefined,
        artifact: undefined,
        digest: undefined,
        releaseId: undefined,
        workItem: undefined,
      }),
    [setFilter],
  );

  return {
    /** The filter, or undefined when nothing is filtered. */
    filter,
    setFilter,
    clearFilter,
  };
}

function parseEvidenceFilter(
  searchParams: URLSearchParams,
): EvidenceFilter | undefined {
  const filter: EvidenceFilter = {};
  for (const key of EVIDENCE_FILTER_KEYS) {
    const value = searchParams.get(key)?.trim();
    if (!value) {
      continue;
    }
    if (key === 'format') {
      if (EVIDENCE_FORMATS.includes(value as EvidenceFormat)) {
        filter.format = value as EvidenceFormat;
      }
    } else {
      filter[key] = value;
    }
  }
  return Object.keys(filter).length > 0 ? filter : undefined;
}
