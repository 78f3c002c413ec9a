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
  EvidenceFormat,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { toDate } from './time';

/** A row of assurance_evidence, as knex reads it. */
export interface EvidenceRow {
  id: string;
  entity_ref: string;
  format: string;
  file_name: string;
  sha256: string;
  size: number | string;
  execution_key: string;
  work_item: string | null;
  artifact: string | null;
  version: string | null;
  digest: string | null;
  release_id: string | null;
  commit_sha: string | null;
  pipeline_url: string | null;
  uploaded_by: string;
  uploaded_at: Date | string | number;
  summary: string;
  storage: string;
  url: string | null;
  redacted: boolean | number;
  gate: string | null;
}

/** The columns of a record; the bytes live in another table. */
export const RECORD_COLUMNS = [
  'id',
  'entity_ref',
  'format',
  'file_name',
  'sha256',
  'size',
  'execution_key',
  'work_item',
  'artifact',
  'version',
  'digest',
  'release_id',
  'commit_sha',
  'pipeline_url',
  'uploaded_by',
  'uploaded_at',
  'summary',
  'storage',
  'url',
  'redacted',
  'gate',
];

/** Turns a row into the API's record, leaving out empty links. */
export function rowToRecord(row: EvidenceRow): EvidenceRecord {
  const links = {
    executionId: row.execution_key || undefined,
    workItem: row.work_item,
    artifact: row.artifact,
    version: row.version,
    digest: row.digest,
    releaseId: row.release_id,
    commit: row.commit_sha,
    pipelineUrl: row.pipeline_url,
    gate: row.gate,
  };
  return {
    id: row.id,
    entityRef: row.entity_ref,
    format: row.format as EvidenceFormat,
    fileName: row.file_name,
    sha256: row.sha256,
    // PostgreSQL returns bigint columns as strings.
    size: Number(row.size),
    uploadedBy: row.uploaded_by,
    uploadedAt: toDate(row.uploaded_at).toISOString(),
    summary: JSON.parse(row.summary),
    storage: row.storage === 'link' ? 'link' : 'content',
    ...(row.url ? { url: row.url } : {}),
    // SQLite and MySQL return booleans as 0 and 1.
    ...(row.redacted ? { redacted: true } : {}),
    ...Object.fromEntries(
      Object.entries(links).filter(
        ([, value]) => value !== null && value !== undefined,
      ),
    ),
  };
}
