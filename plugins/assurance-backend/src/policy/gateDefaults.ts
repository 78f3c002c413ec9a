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
  GateSettings,
  RiskLevel,
} from '@real-app-forever/plugin-assurance-common';

/** The risk level of entities without a valid annotation. */
export const DEFAULT_RISK_LEVEL: RiskLevel = 'high';

/** The gates each risk level requires when app-config says nothing. */
export const DEFAULT_REQUIRED_GATES: Readonly<Record<RiskLevel, string[]>> = {
  low: ['unit-tests'],
  medium: ['unit-tests', 'static-analysis', 'dependency-scan'],
  high: ['unit-tests', 'static-analysis', 'dependency-scan', 'sbom'],
};

/** The longest an override may last, in days, unless configured. */
export const DEFAULT_MAX_OVERRIDE_DAYS = 30;

/** The environments policy knows, unless configured. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = [
  'dev',
  'staging',
  'prod',
];

/**
 * The settings each gate applies when policy says nothing, as documented on
 * `GateSettings`. They form the bottom of the platform layer, so that a
 * higher layer cannot loosen a gate below them just because the platform
 * did not restate them.
 */
export function builtInGateSettings(options: {
  riskLevel: RiskLevel;
  knownGates: ReadonlySet<string>;
}): Record<string, GateSettings> {
  const settings: Record<string, GateSettings> = {
    'dependency-scan': { maxSeverity: 'medium' },
    lint: { maxErrors: 0 },
    coverage: { minLineRate: 0.6 },
    scorecard: { minScore: 5 },
  };
  if (options.riskLevel === 'high') {
    settings.provenance = { requireVerifiedSignature: true };
  }
  return Object.fromEntries(
    Object.entries(settings).filter(([id]) => options.knownGates.has(id)),
  );
}
