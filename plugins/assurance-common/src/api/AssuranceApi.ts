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
  EntityGates,
  EvidenceFilter,
  EvidencePage,
  EvidenceRecord,
  EvidenceVerification,
} from '../types';

/**
 * Reads the assurance backend.
 *
 * @public
 */
export interface AssuranceApi {
  getGates(options: { entityRef: string }): Promise<EntityGates>;
  listEvidence(options: {
    entityRef: string;
    limit?: number;
    cursor?: string;
    filter?: EvidenceFilter;
  }): Promise<EvidencePage>;
  getEvidence(options: { id: string }): Promise<EvidenceRecord>;
  /** The URL that serves an evidence file's original bytes. */
  getEvidenceContentUrl(options: { id: string }): Promise<string>;
  /** Re-hashes the stored bytes and compares with the recorded sha256. */
  verifyEvidence(options: { id: string }): Promise<EvidenceVerification>;
  /** The URL of a zip archive of all the entity's evidence and a manifest. */
  getEvidenceExportUrl(options: { entityRef: string }): Promise<string>;
  /** The entity's artifacts, newest first. */
  listArtifacts(options: { entityRef: string }): Promise<Artifact[]>;
}
