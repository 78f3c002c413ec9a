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
  RELEASE_STATUSES,
  type ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';

/** How far back the history reaches, by its `?since=` value. */
export const SINCE_DAYS = { '7d': 7, '30d': 30, '90d': 90 } as const;

/** A `?since=` value; absent means all time. */
export type SinceKey = keyof typeof SINCE_DAYS;

/** What the release history shows, as kept in the query string. */
export interface ReleaseHistoryView {
  environment?: string;
  status: ReleaseStatus[];
  since?: SinceKey;
}

/**
 * Reads the release history's filters from the query string
 * (`?environment=prod&status=failed,rolled-back&since=30d`) and writes
 * changes back to it, so that a filtered history can be linked. Other
 * parameters are kept.
 */
export function useReleaseFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseView(searchParams), [searchParams]);
  const filtered = Boolean(
    view.environment || view.status.length > 0 || view.since,
  );

  const setView = useCallback(
    (changes: Partial<ReleaseHistoryView>) => {
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          const values: Record<string, string | undefined> = {
            environment: changes.environment,
            status: changes.status?.join(','),
            since: changes.since,
          };
          for (const key of Object.keys(values)) {
            if (!(key in changes)) {
              continue;
            }
            if (values[key]) {
              next.set(key, values[key]!);
            } else {
              next.delete(key);
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const clearView = useCallback(
    () => setView({ environment: undefined, status: [], since: undefined }),
    [setView],
  );

  return { view, filtered, setView, clearView };
}

function parseView(searchParams: URLSearchParams): ReleaseHistoryView {
  const environment = searchParams.get('environment')?.trim() || undefined;
  const status = (searchParams.get('status') ?? '')
    .split(',')
    .map(part => part.trim())
    .filter((part): part is ReleaseStatus =>
      RELEASE_STATUSES.includes(part as ReleaseStatus),
    );
  const since = searchParams.get('since') ?? '';
  return {
    environment,
    status,
    since: Object.hasOwn(SINCE_DAYS, since) ? (since as SinceKey) : undefined,
  };
}
