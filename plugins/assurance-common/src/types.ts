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

/**
 * The evidence formats the backend can parse.
 *
 * @public
 */
export type EvidenceFormat = 'junit' | 'sarif' | 'cyclonedx-json' | 'npm-audit';

/**
 * Every evidence format, in a stable order.
 *
 * @public
 */
export const EVIDENCE_FORMATS: readonly EvidenceFormat[] = [
  'junit',
  'sarif',
  'cyclonedx-json',
  'npm-audit',
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
 *
 * @public
 */
export type GateStatus = 'passed' | 'failed' | 'missing' | 'unknown';

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
 * Facts read from a test report.
 *
 * @public
 */
export interface TestReportSummary {
  kind: 'tests';
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** Failing and erroring cases, at most {@link MAX_LISTED_ITEMS}. */
  failures: Array<{
    name: string;
    classname?: string;
    suite?: string;
    type: 'failure' | 'error';
    message?: string;
  }>;
}

/**
 * Facts read from a static analysis report.
 *
 * @public
 */
export interface StaticAnalysisSummary {
  kind: 'static-analysis';
  tools: string[];
  /** Results that are not suppressed. */
  total: number;
  byLevel: { error: number; warning: number; note: number; none: number };
  suppressed: number;
  /** Unsuppressed results of level error first, at most {@link MAX_LISTED_ITEMS}. */
  results: Array<{
    ruleId?: string;
    level: 'error' | 'warning' | 'note' | 'none';
    message: string;
    location?: string;
  }>;
}

/**
 * Facts read from a software bill of materials.
 *
 * @public
 */
export interface SbomSummary {
  kind: 'sbom';
  specVersion?: string;
  componentCount: number;
  primaryComponent?: { name: string; version?: string };
}

/**
 * Facts read from a vulnerability scan.
 *
 * @public
 */
export interface VulnerabilitySummary {
  kind: 'vulnerabilities';
  total: number;
  bySeverity: Record<Severity, number>;
  /** Most severe first, at most {@link MAX_LISTED_ITEMS}. */
  findings: Array<{
    id: string;
    packageName: string;
    severity: Severity;
    title?: string;
    fixAvailable?: boolean;
  }>;
}

/**
 * The parsed facts of one evidence file.
 *
 * @public
 */
export type EvidenceSummary =
  | TestReportSummary
  | StaticAnalysisSummary
  | SbomSummary
  | VulnerabilitySummary;

/**
 * How many failing tests, results or findings a summary lists at most.
 *
 * @public
 */
export const MAX_LISTED_ITEMS = 50;

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
  /** Hex sha256 of the stored bytes, computed by the server. */
  sha256: string;
  size: number;
  uploadedBy: string;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  summary: EvidenceSummary;
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

/**
 * The verdict of one gate.
 *
 * @public
 */
export interface GateResult {
  id: string;
  title: string;
  status: GateStatus;
  /** Why the gate has this status. */
  reason: string;
  /** What to do to make the gate pass; empty when it passed. */
  remediation: string;
  /** The evidence the verdict was computed from. */
  evidenceIds: string[];
  /** When the newest of that evidence was uploaded; ISO 8601, UTC. */
  evidenceUploadedAt?: string;
  /** ISO 8601, UTC. */
  evaluatedAt: string;
}

/**
 * All gate verdicts of an entity.
 *
 * @public
 */
export interface EntityGates {
  entityRef: string;
  riskLevel: RiskLevel;
  gates: GateResult[];
}
