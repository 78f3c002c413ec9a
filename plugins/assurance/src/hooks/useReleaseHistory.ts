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

import { useApi } from '@backstage/core-plugin-api';
import type { ReleaseStatus } from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { assuranceApiRef } from '../api';
import { ReleaseHistoryView, SINCE_DAYS } from './useReleaseFilter';

/**
 * Loads an entity's releases across environments, filtered on the server
 * by environment, status and age. The age is turned into a time when the
 * request is made, so that a refresh moves the window along.
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

  return useAsyncRetry(() => {
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
    return assuranceApi.listReleases(
      Object.keys(filter).length > 0 ? { entityRef, filter } : { entityRef },
    );
  }, [assuranceApi, entityRef, environment, statusKey, since]);
}
