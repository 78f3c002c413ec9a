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
import { errorApiRef, useApi } from '@backstage/core-plugin-api';
import { assuranceApiRef } from '../api';
import { toUserFacingError } from '../utils/toUserFacingError';

/**
 * Requests, approves and rejects gate overrides. Each action resolves to
 * true when the backend accepted it, and then calls `onChange`; a refusal
 * goes to the ErrorApi with the server's message and resolves to false.
 */
export function useOverrideActions(options: {
  entityRef: string;
  onChange: () => void;
}) {
  const { entityRef, onChange } = options;
  const assuranceApi = useApi(assuranceApiRef);
  const errorApi = useApi(errorApiRef);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await action();
        onChange();
        return true;
      } catch (error) {
        errorApi.post(toUserFacingError(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [errorApi, onChange],
  );

  const request = useCallback(
    (input: {
      gateId: string;
      reason: string;
      expiresInDays: number;
      digest?: string;
    }) => run(() => assuranceApi.requestOverride({ entityRef, ...input })),
    [assuranceApi, entityRef, run],
  );

  const approve = useCallback(
    (input: { id: string; comment?: string }) =>
      run(() => assuranceApi.approveOverride(input)),
    [assuranceApi, run],
  );

  const reject = useCallback(
    (input: { id: string; comment: string }) =>
      run(() => assuranceApi.rejectOverride(input)),
    [assuranceApi, run],
  );

  return { busy, request, approve, reject };
}
