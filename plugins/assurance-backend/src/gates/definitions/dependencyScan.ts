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
  SEVERITIES,
  Severity,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import {
  counted,
  listNames,
  passed,
  sum,
  summariesOf,
  unreadable,
} from './support';

/**
 * Severities from the most severe down. NOTE(#4): `unknown` is not ranked:
 * a finding of unknown severity is above no maximum but `none`, so that a
 * scanner without severities does not fail every build; the count limit
 * `maxFindings.unknown` can still bound it.
 */
const RANKED: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The severities a maximum does not allow. */
function above(maxSeverity: Severity | 'none'): Severity[] {
  if (maxSeverity === 'none') {
    return [...SEVERITIES];
  }
  const index = RANKED.indexOf(maxSeverity);
  return index < 0 ? [] : RANKED.slice(0, index);
}

/**
 * dependency-scan: any vulnerability scan. Fails on a finding more severe
 * than `maxSeverity` (default `medium`: high and critical fail) or on more
 * findings of a severity than `maxFindings` allows.
 */
export const dependencyScanGate: GateDefinition = {
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
  evaluate(evidence, { settings }) {
    const scans = summariesOf(evidence, 'vulnerabilities');
    if (!scans) {
      return unreadable('dependency-scan');
    }
    const counts = Object.fromEntries(
      SEVERITIES.map(severity => [
        severity,
        sum(scans.map(s => s.bySeverity[severity] ?? 0)),
      ]),
    ) as Record<Severity, number>;
    const maxSeverity = settings.maxSeverity ?? 'medium';
    const forbidden = above(maxSeverity);
    const remediation =
      'Upgrade the affected packages to a fixed version (run npm audit fix, or bump the direct dependency that pulls them in), then upload a new scan.';

    const blocking = forbidden.filter(severity => counts[severity] > 0);
    if (blocking.length > 0) {
      const findings = scans
        .flatMap(s => s.findings)
        .filter(f => forbidden.includes(f.severity))
        .map(describeFinding);
      const total = sum(blocking.map(s => counts[s]));
      return {
        status: 'failed',
        reason: `${blocking
          .map(severity => `${counts[severity]} ${severity}`)
          .join(' and ')} ${
          total === 1 ? 'vulnerability' : 'vulnerabilities'
        }: ${listNames(findings)}.`,
        remediation,
      };
    }

    const overCount = SEVERITIES.filter(
      severity =>
        settings.maxFindings?.[severity] !== undefined &&
        counts[severity] > settings.maxFindings[severity]!,
    );
    if (overCount.length > 0) {
      return {
        status: 'failed',
        reason: `${overCount
          .map(
            severity =>
              `${counted(
                counts[severity],
                `${severity} vulnerability`,
                `${severity} vulnerabilities`,
              )} (the policy allows ${settings.maxFindings![severity]})`,
          )
          .join(' and ')}.`,
        remediation,
      };
    }

    const found = SEVERITIES.filter(s => counts[s] > 0)
      .map(s => `${counts[s]} ${s}`)
      .join(', ');
    let what = `No ${joinOr(forbidden)} vulnerabilities`;
    if (forbidden.length === 0) {
      what = 'The policy allows vulnerabilities of any severity';
    } else if (maxSeverity === 'none') {
      what = 'No vulnerabilities';
    }
    return passed(`${what}${found ? ` (${found})` : ''}.`);
  },
};

/** `critical or high`, `critical, high or medium`. */
function joinOr(words: string[]): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * `package: ID`, with how many more ids the finding has; a package that is
 * only vulnerable through another one says so instead.
 */
function describeFinding(finding: {
  id: string;
  packageName: string;
  title?: string;
}): string {
  if (finding.id === finding.packageName) {
    return finding.title
      ? `${finding.packageName} (${finding.title})`
      : finding.packageName;
  }
  const [first, ...more] = finding.id.split(/,\s*/);
  return `${finding.packageName}: ${first}${
    more.length ? ` +${more.length}` : ''
  }`;
}
