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

import { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';

/** The digest declared by the newest evidence that declares one. */
export function newestDeclaredDigest(
  evidence: EvidenceRecord[],
): string | undefined {
  return sortNewestFirst(
    evidence.filter(e => e.digest),
  )[0]?.digest?.toLocaleLowerCase('en-US');
}

function sortNewestFirst(evidence: EvidenceRecord[]): EvidenceRecord[] {
  return [...evidence].sort(
    (a, b) =>
      b.uploadedAt.localeCompare(a.uploadedAt) || b.id.localeCompare(a.id),
  );
}

/**
 * The newest record and the others from its execution, newest first. A
 * record without an execution id stands alone.
 */
export function newestExecution(evidence: EvidenceRecord[]): EvidenceRecord[] {
  const sorted = sortNewestFirst(evidence);
  const newest = sorted[0];
  if (!newest?.executionId) {
    return sorted.slice(0, 1);
  }
  return sorted.filter(e => e.executionId === newest.executionId);
}
