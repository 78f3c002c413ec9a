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
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { assuranceApiRef } from '../api';

/**
 * Loads an entity's environments, each with its active release, rollback
 * target and pending approvals, in promotion order.
 */
export function useEnvironments(options: { entityRef: string }) {
  const { entityRef } = options;
  const assuranceApi = useApi(assuranceApiRef);

  return useAsyncRetry(async () => {
    const environments = await assuranceApi.listEnvironments({ entityRef });
    return [...environments].sort((a, b) => a.order - b.order);
  }, [assuranceApi, entityRef]);
}
