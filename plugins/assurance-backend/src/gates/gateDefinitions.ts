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
  GateStatus,
  Severity,
  TestReportSummary,
  StaticAnalysisSummary,
  SbomSummary,
  VulnerabilitySummary,
  SEVERITIES,
} from '@real-app-forever/plugin-assurance-common';

/** What a gate rule decides from its evidence. */
export interface GateVerdict {
  status: Exclude<GateStatus, 'missing'>;
  reason: string;
  remediation: string;
}

/**
 * A built-in gate: which evidence it reads and the rule it applies.
 */
export interface GateDefinition {
  id: string;
  title: string;
  /** The formats whose evidence this gate reads. */
  formats: EvidenceFormat[];
  /** What to upload when there is no evidence. */
  missingRemediation: string;
  /** The rule, over the evidence of the newest execution (never empty). */
  evaluate(evidence: EvidenceRecord[]): GateVerdict;
}

const LISTED = 3;

function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED
    ? `${shown} and ${names.length - LISTED} more`
    : shown;
}

function unreadable(gate: string): GateVerdict {
  return {
    status: 'unknown',
    reason: `The stored evidence has no facts that ${gate} can read.`,
    remediation: 'Upload the report again so that it is parsed anew.',
  };
}

function summariesOf<K extends string, T extends { kind: K }>(
  evidence: EvidenceRecord[],
  kind: K,
): T[] | undefined {
  const summaries = evidence.map(e => e.summary);
  return summaries.every(s => s?.kind === kind)
    ? (summaries as unknown as T[])
    : undefined;
}

const unitTests: GateDefinition = {
  id: 'unit-tests',
  title: 'Unit tests',
  formats: ['junit', 'tap'],
  missingRemediation:
    'Make the pipeline write a JUnit XML or TAP report and upload it with the assurance CLI or POST /api/assurance/v1/evidence.',
  evaluate(evidence) {
    const reports = summariesOf<'tests', TestReportSummary>(evidence, 'tests');
    if (!reports) {
      return unreadable('the unit-tests gate');
    }
    const total = sum(reports.map(r => r.total));
    const failed = sum(reports.map(r => r.failed));
    const errored = sum(reports.map(r => r.errored));
    const skipped = sum(reports.map(r => r.skipped));
    if (total === 0) {
      return {
        status: 'failed',
        reason: 'The test report holds no test cases.',
        remediation:
          'Check that the test runner found the tests and that the reporter wrote them to the uploaded file.',
      };
    }
    if (failed + errored > 0) {
      const names = reports.flatMap(r =>
        r.failures.map(f =>
          f.classname ? `${f.classname}.${f.name}` : f.name,
        ),
      );
      const counts = [
        failed ? `${failed} failed` : '',
        errored ? `${errored} errored` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        status: 'failed',
        reason: `${counts} of ${total} tests: ${listNames(names)}.`,
        remediation:
          'Fix the failing tests (their messages are in the Evidence tab) and upload the new report from a new pipeline run.',
      };
    }
    return {
      status: 'passed',
      reason: `All ${total - skipped} tests that ran passed${
        skipped ? ` (${skipped} skipped)` : ''
      }.`,
      remediation: '',
    };
  },
};

const staticAnalysis: GateDefinition = {
  id: 'static-analysis',
  title: 'Static analysis',
  formats: ['sarif'],
  missingRemediation:
    'Run a static analyser that writes SARIF 2.1.0 (CodeQL, Semgrep, ESLint with a SARIF formatter) and upload its report.',
  evaluate(evidence) {
    const reports = summariesOf<'static-analysis', StaticAnalysisSummary>(
      evidence,
      'static-analysis',
    );
    if (!reports) {
      return unreadable('the static-analysis gate');
    }
    const errors = sum(reports.map(r => r.byLevel.error));
    const warnings = sum(reports.map(r => r.byLevel.warning));
    const suppressed = sum(reports.map(r => r.suppressed));
    if (errors > 0) {
      const where = reports
        .flatMap(r => r.results)
        .filter(r => r.level === 'error')
        .map(
          r =>
            `${r.ruleId ?? 'result'}${r.location ? ` at ${r.location}` : ''}`,
        );
      return {
        status: 'failed',
        reason: `${errors} unsuppressed error-level ${
          errors === 1 ? 'result' : 'results'
        }: ${listNames(where)}.`,
        remediation:
          'Fix the code the results point to, or suppress a false positive in the analyser with a justification, then upload a new report.',
      };
    }
    return {
      status: 'passed',
      reason: `No unsuppressed error-level results (${warnings} ${
        warnings === 1 ? 'warning' : 'warnings'
      }, ${suppressed} suppressed).`,
      remediation: '',
    };
  },
};

const BLOCKING: Severity[] = ['critical', 'high'];

const dependencyScan: GateDefinition = {
  id: 'dependency-scan',
  title: 'Dependency vulnerability scan',
  formats: [
    'npm-audit',
    'trivy-json',
    'grype-json',
    'osv-scanner-json',
    'snyk-json',
  ],
  missingRemediation:
    'Run a dependency scanner (npm audit --json, Trivy, Grype, OSV-Scanner or Snyk with JSON output) in the pipeline and upload its report.',
  evaluate(evidence) {
    const scans = summariesOf<'vulnerabilities', VulnerabilitySummary>(
      evidence,
      'vulnerabilities',
    );
    if (!scans) {
      return unreadable('the dependency-scan gate');
    }
    const counts = Object.fromEntries(
      SEVERITIES.map(severity => [
        severity,
        sum(scans.map(s => s.bySeverity[severity] ?? 0)),
      ]),
    ) as Record<Severity, number>;
    const blocking = BLOCKING.filter(severity => counts[severity] > 0);
    if (blocking.length > 0) {
      const findings = scans
        .flatMap(s => s.findings)
        .filter(f => BLOCKING.includes(f.severity))
        .map(f => `${f.id} in ${f.packageName}`);
      return {
        status: 'failed',
        reason: `${blocking
          .map(severity => `${counts[severity]} ${severity}`)
          .join(' and ')} ${
          sum(blocking.map(s => counts[s])) === 1
            ? 'vulnerability'
            : 'vulnerabilities'
        }: ${listNames(findings)}.`,
        remediation:
          'Upgrade the affected packages to a fixed version (`npm audit fix`, or bump the direct dependency that pulls them in), then upload a new scan.',
      };
    }
    const others = SEVERITIES.filter(s => counts[s] > 0)
      .map(s => `${counts[s]} ${s}`)
      .join(', ');
    return {
      status: 'passed',
      reason: `No critical or high vulnerabilities${
        others ? ` (${others})` : ''
      }.`,
      remediation: '',
    };
  },
};

const sbom: GateDefinition = {
  id: 'sbom',
  title: 'Software bill of materials',
  formats: ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value'],
  missingRemediation:
    'Generate a CycloneDX or SPDX SBOM of the build (for example with @cyclonedx/cyclonedx-npm, Syft or Trivy) and upload it.',
  evaluate(evidence) {
    const boms = summariesOf<'sbom', SbomSummary>(evidence, 'sbom');
    if (!boms) {
      return unreadable('the sbom gate');
    }
    const components = Math.max(...boms.map(b => b.componentCount));
    if (components === 0) {
      return {
        status: 'failed',
        reason: 'The SBOM lists no components.',
        remediation:
          'Generate the SBOM from the built artifact or the lock file, so that it lists what ships.',
      };
    }
    return {
      status: 'passed',
      reason: `The SBOM lists ${components} ${
        components === 1 ? 'component' : 'components'
      }.`,
      remediation: '',
    };
  },
};

/**
 * The built-in gates, by id.
 */
export const builtInGates: ReadonlyMap<string, GateDefinition> = new Map(
  [unitTests, staticAnalysis, dependencyScan, sbom].map(gate => [
    gate.id,
    gate,
  ]),
);

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
