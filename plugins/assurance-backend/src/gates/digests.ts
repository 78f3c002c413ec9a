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

import {
  EvidenceRecord,
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';

/**
 * The subject digests of provenance, as `algorithm:hex` in lower case.
 * Other summaries have none.
 */
export function subjectDigests(summary: EvidenceSummary | undefined): string[] {
  if (summary?.kind !== 'provenance') {
    return [];
  }
  return summary.subjects.flatMap(subject =>
    Object.entries(subject.digest ?? {}).map(([algorithm, hex]) =>
      `${algorithm}:${hex}`.toLocaleLowerCase('en-US'),
    ),
  );
}

/**
 * Whether evidence is linked to an artifact: it declared the digest on
 * upload, or it is provenance with the digest as a subject.
 */
export function isLinkedTo(record: EvidenceRecord, digest: string): boolean {
  const wanted = digest.toLocaleLowerCase('en-US');
  return (
    record.digest?.toLocaleLowerCase('en-US') === wanted ||
    subjectDigests(record.summary).includes(wanted)
  );
}

/** Shortens `sha256:0123…` for messages: algorithm and 12 hex digits. */
export function shortDigest(digest: string): string {
  const [algorithm, hex = ''] = digest.split(':');
  return hex.length > 12 ? `${algorithm}:${hex.slice(0, 12)}…` : digest;
}
