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

import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { sarifKindOf } from './sarifTools';
import { counted, listNames, passed, sum } from './support';

/**
 * secret-scan: gitleaks JSON, or SARIF from a secret scanner; no finding
 * at all. Reasons name rules and places, never a secret (the stored facts
 * hold none).
 */
export const secretScanGate: GateDefinition = {
  id: 'secret-scan',
  title: 'Secret scan',
  formats: ['gitleaks-json', 'sarif'],
  missingRemediation:
    'Run a secret scanner over the repository (gitleaks with --report-format json or sarif, TruffleHog or detect-secrets with SARIF output) and upload its report.',
  select: evidence =>
    evidence.filter(
      record => record.format !== 'sarif' || sarifKindOf(record) === 'secrets',
    ),
  evaluate(evidence) {
    const findings: string[] = [];
    const counts: number[] = [];
    const scanners = new Set<string>();
    for (const { summary } of evidence) {
      if (summary?.kind === 'secrets') {
        scanners.add(summary.scanner);
        counts.push(summary.total);
        findings.push(
          ...summary.findings.map(
            f => `${f.ruleId} in ${f.file}${f.line ? `:${f.line}` : ''}`,
          ),
        );
      } else if (summary?.kind === 'static-analysis') {
        summary.tools.forEach(tool => scanners.add(tool));
        counts.push(summary.total);
        findings.push(
          ...summary.results.map(
            r =>
              `${r.ruleId ?? 'secret'}${r.location ? ` in ${r.location}` : ''}`,
          ),
        );
      } else {
        return {
          status: 'unknown',
          reason:
            'The stored evidence has no facts that the secret-scan gate can read.',
          remediation:
            'Upload the scan report itself (not a link to it) so that it is parsed.',
        };
      }
    }
    const total = sum(counts);
    const by = [...scanners].join(', ') || 'the secret scanner';
    if (total > 0) {
      return {
        status: 'failed',
        reason: `${by} found ${counted(total, 'possible secret')}: ${listNames(
          findings,
        )}.`,
        remediation:
          'Revoke and rotate each exposed credential first, then remove it from the code and its history; allow-list a false positive by its fingerprint in the scanner configuration, and upload a new scan.',
      };
    }
    return passed(`${by} found no secrets.`);
  },
};
