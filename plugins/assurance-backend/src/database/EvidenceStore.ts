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
  Artifact,
  EvidenceFilter,
  EvidenceFormat,
  EvidenceLinks,
  EvidencePage,
  EvidenceRecord,
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';

/**
 * A new evidence file, parsed and hashed, ready to be stored.
 */
export interface NewEvidence extends EvidenceLinks {
  id: string;
  entityRef: string;
  format: EvidenceFormat;
  fileName: string;
  sha256: string;
  size: number;
  uploadedBy: string;
  uploadedAt: Date;
  summary: EvidenceSummary;
  /** The bytes to keep; absent for evidence kept elsewhere (a link). */
  content?: Buffer;
  /** Where linked evidence is kept. */
  url?: string;
  /** True when secrets were removed from the upload before storing. */
  redacted?: boolean;
  /** The artifacts this evidence names, by digest. */
  artifacts?: ArtifactReference[];
}

/**
 * An artifact named by evidence: through the upload's `digest` field
 * (`declared`) or as a provenance subject (`subject`).
 */
export interface ArtifactReference {
  digest: string;
  name?: string;
  version?: string;
  relation: 'declared' | 'subject';
}

/**
 * A write to record in the audit log, next to the write itself.
 */
export interface AuditEntryInput {
  actor: string;
  action: string;
  entityRef?: string;
  subjectId?: string;
  /** Non-secret facts only: ids, counts, formats. Never file contents. */
  details: Record<string, unknown>;
}

/**
 * Keeps evidence records, their bytes and the audit log.
 */
export interface EvidenceStore {
  /**
   * Stores the evidence, its bytes and an audit entry in one transaction.
   * When the same bytes were already stored for the same entity and
   * execution, stores nothing and returns the existing record.
   */
  insertEvidence(options: {
    evidence: NewEvidence;
    audit: AuditEntryInput;
  }): Promise<{ record: EvidenceRecord; created: boolean }>;

  getEvidence(options: { id: string }): Promise<EvidenceRecord | undefined>;

  getEvidenceContent(options: {
    id: string;
  }): Promise<{ record: EvidenceRecord; content: Buffer } | undefined>;

  /** Newest first, with a cursor to the next page. */
  listEvidence(options: {
    entityRef: string;
    limit: number;
    cursor?: string;
    filter?: EvidenceFilter;
  }): Promise<EvidencePage>;

  /** The entity's artifacts, newest first. */
  listArtifacts(options: { entityRef: string }): Promise<Artifact[]>;

  /**
   * The entity's evidence of these formats that is linked to the artifact
   * (declared with its digest, or provenance with it as a subject), newest
   * first: what the gates of one artifact are evaluated from.
   */
  listEvidenceForDigest(options: {
    entityRef: string;
    digest: string;
    formats: EvidenceFormat[];
  }): Promise<EvidenceRecord[]>;

  /**
   * For each format, the newest evidence and every other evidence of that
   * format from the same execution: what the gates are evaluated from.
   */
  listLatestExecutionEvidence(options: {
    entityRef: string;
    formats: EvidenceFormat[];
  }): Promise<EvidenceRecord[]>;
}
