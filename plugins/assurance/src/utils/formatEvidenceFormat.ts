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

import type { EvidenceFormat } from '@real-app-forever/plugin-assurance-common';

const FORMAT_LABELS: Record<EvidenceFormat, string> = {
  junit: 'JUnit XML',
  tap: 'TAP',
  sarif: 'SARIF',
  'eslint-json': 'ESLint JSON',
  'cyclonedx-json': 'CycloneDX JSON',
  'cyclonedx-xml': 'CycloneDX XML',
  'spdx-json': 'SPDX JSON',
  'spdx-tag-value': 'SPDX tag-value',
  'npm-audit': 'npm audit',
  'trivy-json': 'Trivy JSON',
  'grype-json': 'Grype JSON',
  'osv-scanner-json': 'OSV-Scanner JSON',
  'snyk-json': 'Snyk JSON',
  'gitleaks-json': 'Gitleaks JSON',
  lcov: 'LCOV',
  'cobertura-xml': 'Cobertura XML',
  'scorecard-json': 'OpenSSF Scorecard JSON',
  provenance: 'Build provenance (in-toto, SLSA)',
};

/**
 * The name people know an evidence format by, e.g. `CycloneDX JSON`.
 */
export function formatEvidenceFormat(format: string): string {
  return FORMAT_LABELS[format as EvidenceFormat] ?? format;
}
