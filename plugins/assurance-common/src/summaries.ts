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
 * The normalised facts each family of evidence is read into. Parsers of
 * different tools for the same family produce the same shape.
 */

import { Severity } from './types';

/**
 * How many failing tests, results or findings a summary lists at most.
 *
 * @public
 */
export const MAX_LISTED_ITEMS = 50;

/**
 * How many components and dependency edges an SBOM summary lists at most.
 *
 * @public
 */
export const MAX_SBOM_COMPONENTS = 10_000;

/**
 * How many files a coverage summary lists at most.
 *
 * @public
 */
export const MAX_COVERAGE_FILES = 2_000;

/**
 * How many suite names a test report summary lists at most.
 *
 * @public
 */
export const MAX_SUITE_NAMES = 200;

/**
 * Facts read from a test report (JUnit XML, TAP).
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
  /**
   * Distinct names of the suites (JUnit) or subtests (TAP) that hold test
   * cases, at most {@link MAX_SUITE_NAMES}; gates match them against suite
   * patterns. Absent when the report names none, and on older summaries.
   */
  suites?: string[];
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
 * Facts read from a static analysis report (SARIF, ESLint JSON).
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
  /** Distinct rule ids of the unsuppressed results, at most 200. */
  ruleIds?: string[];
  /** Unsuppressed results, errors first, at most {@link MAX_LISTED_ITEMS}. */
  results: Array<{
    ruleId?: string;
    level: 'error' | 'warning' | 'note' | 'none';
    message: string;
    /** `path:line` (or `path:line:column`). */
    location?: string;
  }>;
}

/**
 * One component of an SBOM.
 *
 * @public
 */
export interface SbomComponent {
  name: string;
  version?: string;
  /** Package URL, e.g. `pkg:npm/react@18.3.1`. */
  purl?: string;
  /** SPDX licence ids or expressions, or licence names. */
  licenses: string[];
  /** CycloneDX `type` or SPDX `primaryPackagePurpose`, lower case. */
  type?: string;
  /** The id other parts of the document use: `bom-ref` or SPDXID. */
  ref?: string;
}

/**
 * Facts read from a software bill of materials (CycloneDX, SPDX).
 *
 * @public
 */
export interface SbomSummary {
  kind: 'sbom';
  /** `CycloneDX` or `SPDX`. Absent on summaries stored before it existed. */
  specName?: 'CycloneDX' | 'SPDX';
  specVersion?: string;
  /** Every component except the primary one, nested ones included. */
  componentCount: number;
  primaryComponent?: { name: string; version?: string; purl?: string };
  /** At most {@link MAX_SBOM_COMPONENTS}, sorted by name then version. */
  components?: SbomComponent[];
  /** Dependency edges between component refs, at most MAX_SBOM_COMPONENTS. */
  dependencies?: Array<{ from: string; to: string }>;
  dependencyCount?: number;
}

/**
 * One vulnerability finding.
 *
 * @public
 */
export interface VulnerabilityFinding {
  /** The scanner's id: CVE, GHSA, OSV or vendor id. */
  id: string;
  /** Other ids of the same vulnerability (CVE for a GHSA, …). */
  aliases?: string[];
  packageName: string;
  installedVersion?: string;
  /** The lowest version that fixes it, when the scanner says. */
  fixedVersion?: string;
  severity: Severity;
  title?: string;
  fixAvailable?: boolean;
  /** The scanner that reported it, e.g. `trivy`, `npm audit`. */
  source?: string;
}

/**
 * Facts read from a vulnerability scan (npm audit, Trivy, Grype,
 * OSV-Scanner, Snyk).
 *
 * @public
 */
export interface VulnerabilitySummary {
  kind: 'vulnerabilities';
  /** The scanner, e.g. `trivy`. Absent on older summaries. */
  scanner?: string;
  total: number;
  bySeverity: Record<Severity, number>;
  /** Most severe first, at most {@link MAX_LISTED_ITEMS}. */
  findings: VulnerabilityFinding[];
}

/**
 * Facts read from a secret scan (gitleaks). Never holds a secret's value.
 *
 * @public
 */
export interface SecretScanSummary {
  kind: 'secrets';
  scanner: string;
  total: number;
  /** At most {@link MAX_LISTED_ITEMS}. */
  findings: Array<{
    ruleId: string;
    file: string;
    line?: number;
    /** The scanner's fingerprint, for allow-listing; never the secret. */
    fingerprint?: string;
    commit?: string;
  }>;
}

/**
 * Facts read from a coverage report (lcov, Cobertura XML).
 *
 * @public
 */
export interface CoverageSummary {
  kind: 'coverage';
  /** Covered lines / coverable lines, 0..1; null when nothing is coverable. */
  lineRate: number | null;
  /** Covered branches / branches, 0..1; null when the report has none. */
  branchRate: number | null;
  linesCovered: number;
  linesValid: number;
  branchesCovered: number;
  branchesValid: number;
  /** Per file, lowest line rate first, at most {@link MAX_COVERAGE_FILES}. */
  files: Array<{
    path: string;
    lineRate: number | null;
    branchRate: number | null;
    linesCovered: number;
    linesValid: number;
  }>;
}

/**
 * Facts read from a security posture report (OpenSSF Scorecard).
 *
 * @public
 */
export interface PostureSummary {
  kind: 'posture';
  tool: string;
  /** The overall score, 0..10; null when the tool gave none. */
  score: number | null;
  repository?: string;
  /** Each check's score, 0..10; null when inconclusive (-1). */
  checks: Array<{ name: string; score: number | null; reason?: string }>;
}

/**
 * Whether a provenance signature was checked.
 *
 * - `verified`: a signature checks out against configured trust material.
 * - `unverified`: there is no signature, or no trust material to check it.
 * - `failed`: a signature was checked and does not match.
 *
 * @public
 */
export type SignatureStatus = 'verified' | 'unverified' | 'failed';

/**
 * Facts read from build provenance (in-toto statements with SLSA v0.2 or
 * v1 predicates, DSSE envelopes, Sigstore bundles).
 *
 * @public
 */
export interface ProvenanceSummary {
  kind: 'provenance';
  /** The envelope it came in. */
  envelope: 'statement' | 'dsse' | 'sigstore-bundle';
  predicateType?: string;
  /** What was built: names and digests (`{ sha256: hex }`). */
  subjects: Array<{ name: string; digest: Record<string, string> }>;
  builderId?: string;
  buildType?: string;
  sourceRepository?: string;
  sourceRef?: string;
  sourceDigest?: string;
  signature: {
    status: SignatureStatus;
    /** Why: which key verified it, or why it is unverified or failed. */
    reason: string;
    keyId?: string;
  };
}

/**
 * Evidence kept elsewhere and linked by URL; the backend has not read it.
 *
 * @public
 */
export interface LinkedEvidenceSummary {
  kind: 'link';
  url: string;
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
  | VulnerabilitySummary
  | SecretScanSummary
  | CoverageSummary
  | PostureSummary
  | ProvenanceSummary
  | LinkedEvidenceSummary;
