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
import type { EvidenceVerification } from '@real-app-forever/plugin-assurance-common';
import { assuranceApiRef } from '../api';

/**
 * Asks the backend to re-hash stored evidence and remembers each answer by
 * evidence id.
 */
export function useEvidenceVerification() {
  const assuranceApi = useApi(assuranceApiRef);
  const errorApi = useApi(errorApiRef);
  const [verifications, setVerifications] = useState<
    Record<string, EvidenceVerification>
  >({});
  const [verifyingIds, setVerifyingIds] = useState<Record<string, boolean>>({});

  const verify = useCallback(
    async (id: string) => {
      setVerifyingIds(previous => ({ ...previous, [id]: true }));
      try {
        const verification = await assuranceApi.verifyEvidence({ id });
        setVerifications(previous => ({ ...previous, [id]: verification }));
      } catch (error) {
        errorApi.post(error as Error);
      } finally {
        setVerifyingIds(({ [id]: _done, ...rest }) => rest);
      }
    },
    [assuranceApi, errorApi],
  );

  return { verify, verifications, verifyingIds };
}
