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

import { createContext, PropsWithChildren, useContext, useMemo } from 'react';
import { useEvidenceDownload, useEvidenceVerification } from '../../hooks';

type EvidenceActions = ReturnType<typeof useEvidenceDownload> &
  ReturnType<typeof useEvidenceVerification>;

const EvidenceActionsContext = createContext<EvidenceActions | undefined>(
  undefined,
);

/**
 * Holds what the row actions do and have found (downloads in flight, hash
 * verifications).
 *
 * NOTE(assurance): The table's cells read this from context rather than from
 * closures in the column definitions; the columns then never change, and
 * material-table keeps open detail panels when a verification comes back.
 */
export const EvidenceActionsProvider = (props: PropsWithChildren<{}>) => {
  const { download, downloadingId } = useEvidenceDownload();
  const { verify, verifications, verifyingIds } = useEvidenceVerification();
  const value = useMemo(
    () => ({ download, downloadingId, verify, verifications, verifyingIds }),
    [download, downloadingId, verify, verifications, verifyingIds],
  );
  return (
    <EvidenceActionsContext.Provider value={value}>
      {props.children}
    </EvidenceActionsContext.Provider>
  );
};

/**
 * The row actions of the evidence table; needs an
 * {@link EvidenceActionsProvider} above it.
 */
export function useEvidenceActions(): EvidenceActions {
  const actions = useContext(EvidenceActionsContext);
  if (!actions) {
    throw new Error('useEvidenceActions needs an EvidenceActionsProvider');
  }
  return actions;
}
