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
import { useApi } from '@backstage/core-plugin-api';
import { assuranceApiRef } from '../api';

/**
 * Promotes, approves, rejects, rolls back and marks how a deploy ended, then calls
 * `onChange` so that the tab shows the new state. A refused promotion is an
 * answer, not an error, and refreshes too. Errors (403 and the like) are
 * thrown for the dialog to show.
 */
export function useReleaseActions(options: {
  entityRef: string;
  onChange: () => void;
}) {
  const { entityRef, onChange } = options;
  const assuranceApi = useApi(assuranceApiRef);

  const promote = useCallback(
    async (input: { environment: string; digest: string; reason?: string }) => {
      const decision = await assuranceApi.promote({ entityRef, ...input });
      onChange();
      return decision;
    },
    [assuranceApi, entityRef, onChange],
  );

  const approve = useCallback(
    async (input: { id: string }) => {
      const release = await assuranceApi.approveRelease(input);
      onChange();
      return release;
    },
    [assuranceApi, onChange],
  );

  /** Rejects someone else's pending promotion, or withdraws one's own. */
  const reject = useCallback(
    async (input: { id: string; reason: string }) => {
      const release = await assuranceApi.rejectRelease(input);
      onChange();
      return release;
    },
    [assuranceApi, onChange],
  );

  const rollback = useCallback(
    async (input: { environment: string; reason: string }) => {
      const result = await assuranceApi.rollback({ entityRef, ...input });
      onChange();
      return result;
    },
    [assuranceApi, entityRef, onChange],
  );

  /** Reports how a deploying release ended, as a pipeline would. */
  const markOutcome = useCallback(
    async (input: { id: string; status: 'succeeded' | 'failed' }) => {
      const release = await assuranceApi.updateRelease(input);
      onChange();
      return release;
    },
    [assuranceApi, onChange],
  );

  return useMemo(
    () => ({ promote, approve, reject, rollback, markOutcome }),
    [promote, approve, reject, rollback, markOutcome],
  );
}

/** What {@link useReleaseActions} returns. */
export type ReleaseActions = ReturnType<typeof useReleaseActions>;
