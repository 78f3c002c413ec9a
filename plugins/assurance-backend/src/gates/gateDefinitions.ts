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
import { coverageGate } from './definitions/coverage';
import { dependencyScanGate } from './definitions/dependencyScan';
import { lintGate } from './definitions/lint';
import { provenanceGate } from './definitions/provenance';
import { sbomGate } from './definitions/sbom';
import { scorecardGate } from './definitions/scorecard';
import { secretScanGate } from './definitions/secretScan';
import { staticAnalysisGate } from './definitions/staticAnalysis';
import {
  integrationTestsGate,
  smokeTestGate,
  unitTestsGate,
} from './definitions/testGates';

export type { GateDefinition };

/**
 * The built-in gates, by id, in the order they are usually required.
 */
export const builtInGates: ReadonlyMap<string, GateDefinition> = new Map(
  [
    lintGate,
    unitTestsGate,
    integrationTestsGate,
    smokeTestGate,
    staticAnalysisGate,
    dependencyScanGate,
    secretScanGate,
    sbomGate,
    provenanceGate,
    coverageGate,
    scorecardGate,
  ].map(gate => [gate.id, gate]),
);
