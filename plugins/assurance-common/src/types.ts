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

/**
 * The vocabulary shared by the assurance frontend, backend, CLI and modules.
 */

import { EvidenceSummary } from './summaries';

/**
 * The evidence formats the backend can parse.
 *
 * @public
 */
export type EvidenceFormat =
  | 'junit'
  | 'tap'
  | 'sarif'
  | 'eslint-json'
  | 'cyclonedx-json'
  | 'cyclonedx-xml'
  | 'spdx-json'
  | 'spdx-tag-value'
  | 'npm-audit'
  | 'trivy-json'
  | 'grype-json'
  | 'osv-scanner-json'
  | 'snyk-json'
  | 'gitleaks-json'
  | 'lcov'
  | 'cobertura-xml'
  | 'scorecard-json'
  | 'provenance';

/**
 * Every evidence format, in a stable order.
 *
 * @public
 */
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = [
  'junit',
  'tap',
  'sarif',
  'eslint-json',
  'cyclonedx-json',
  'cyclonedx-xml',
  'spdx-json',
  'spdx-tag-value',
  'npm-audit',
  'trivy-json',
  'grype-json',
  'osv-scanner-json',
  'snyk-json',
  'gitleaks-json',
  'lcov',
  'cobertura-xml',
  'scorecard-json',
  'provenance',
];

/**
 * The risk level of an entity, read from the
 * `real-app-forever.dev/risk-level` annotation.
 *
 * @public
 */
export type RiskLevel = 'low' | 'medium' | 'high';

/** @public */
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/**
 * The annotation that sets an entity's risk level.
 *
 * @public
 */
export const RISK_LEVEL_ANNOTATION = 'real-app-forever.dev/risk-level';

/**
 * Outcome of one gate for one entity.
 *
 * - `passed`: usable evidence shows the gate's rule holds.
 * - `failed`: usable evidence shows the rule is broken.
 * - `missing`: no usable evidence was uploaded.
 * - `unknown`: evidence exists but cannot decide the gate.
 * - `overridden`: the gate did not pass, but an approved, unexpired
 *   override waives it until it expires.
 *
 * @public
 */
export type GateStatus =
  | 'passed'
  | 'failed'
  | 'missing'
  | 'unknown'
  | 'overridden';

/**
 * Normalised severity of a vulnerability.
 *
 * @public
 */
export type Severity =
  | 'critical'
  | 'high'
  | 'medium'
  | 'low'
  | 'info'
  | 'unknown';

/** @public */
export const SEVERITIES: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
  'unknown',
];

/**
 * Optional links that tie evidence to a pipeline run and a build.
 *
 * @public
 */
export interface EvidenceLinks {
  executionId?: string;
  workItem?: string;
  artifact?: string;
  version?: string;
  digest?: string;
  releaseId?: string;
  commit?: string;
  pipelineUrl?: string;
  /**
   * The gate the uploader declared this evidence for, e.g.
   * `integration-tests`. Test gates take test reports by it.
   */
  gate?: string;
}

/**
 * One stored evidence file.
 *
 * @public
 */
export interface EvidenceRecord extends EvidenceLinks {
  id: string;
  entityRef: string;
  format: EvidenceFormat;
  fileName: string;
  /**
   * Hex sha256 of the stored bytes, computed by the server. For a link, the
   * sha256 the uploader declared for the linked file.
   */
  sha256: string;
  size: number;
  uploadedBy: string;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  summary: EvidenceSummary;
  /**
   * `content` when the backend keeps the bytes (the default), `link` when the
   * file is kept elsewhere at {@link EvidenceRecord.url}.
   */
  storage?: 'content' | 'link';
  /** Where a linked file is kept. */
  url?: string;
  /**
   * True when secrets were removed from the upload before it was stored; the
   * sha256 is then that of the stored, redacted bytes.
   */
  redacted?: boolean;
}

/**
 * The filters of an evidence list.
 *
 * @public
 */
export interface EvidenceFilter {
  format?: EvidenceFormat;
  executionId?: string;
  artifact?: string;
  digest?: string;
  releaseId?: string;
  workItem?: string;
}

/**
 * The answer of re-hashing stored evidence.
 *
 * @public
 */
export interface EvidenceVerification {
  id: string;
  /** The sha256 recorded at upload. */
  expectedSha256: string;
  /** The sha256 of the bytes stored now. */
  actualSha256: string;
  matches: boolean;
  size: number;
  /** ISO 8601, UTC. */
  verifiedAt: string;
}

/**
 * A build output: evidence and provenance subjects are matched to it by
 * digest. Build once, promote that digest.
 *
 * @public
 */
export interface Artifact {
  entityRef: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest: string;
  name?: string;
  version?: string;
  /** How many evidence records name this digest, or have it as a subject. */
  evidenceCount: number;
  /** ISO 8601, UTC. */
  firstSeenAt: string;
  /** ISO 8601, UTC. */
  lastSeenAt: string;
}

/**
 * A page of evidence, newest first.
 *
 * @public
 */
export interface EvidencePage {
  items: EvidenceRecord[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}
