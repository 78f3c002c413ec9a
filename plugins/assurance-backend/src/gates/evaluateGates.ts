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
  EntityGates,
  EvidenceRecord,
  GateResult,
  RiskLevel,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from './gateDefinitions';
import { GatePolicy } from './gatePolicy';

/**
 * Computes the verdict of every gate an entity's risk level requires.
 *
 * This is the one place where verdicts are made. It is pure: the same
 * policy, evidence and time give the same answer.
 *
 * For each gate, the newest evidence of the gate's formats decides, together
 * with every other file of those formats from the same execution (a pipeline
 * run may upload one report per package).
 */
export function evaluateGates(options: {
  entityRef: string;
  riskLevel: RiskLevel;
  policy: GatePolicy;
  gates: ReadonlyMap<string, GateDefinition>;
  evidence: EvidenceRecord[];
  now: Date;
}): EntityGates {
  const evaluatedAt = options.now.toISOString();
  const required = options.policy.requiredGates[options.riskLevel];

  const results = required.map((gateId): GateResult => {
    const gate = options.gates.get(gateId);
    if (!gate) {
      return {
        id: gateId,
        title: gateId,
        status: 'unknown',
        reason: `The policy requires the gate '${gateId}', but no such gate is installed.`,
        remediation:
          'Ask the platform team to install the module that provides this gate or to correct the policy.',
        evidenceIds: [],
        evaluatedAt,
      };
    }

    const relevant = newestExecution(
      options.evidence.filter(e => gate.formats.includes(e.format)),
    );
    if (relevant.length === 0) {
      return {
        id: gate.id,
        title: gate.title,
        status: 'missing',
        reason: `No ${gate.formats.join(
          ' or ',
        )} evidence has been uploaded for this entity.`,
        remediation: gate.missingRemediation,
        evidenceIds: [],
        evaluatedAt,
      };
    }

    const verdict = gate.evaluate(relevant);
    return {
      id: gate.id,
      title: gate.title,
      ...verdict,
      evidenceIds: relevant.map(e => e.id),
      evidenceUploadedAt: relevant[0].uploadedAt,
      evaluatedAt,
    };
  });

  return {
    entityRef: options.entityRef,
    riskLevel: options.riskLevel,
    gates: results,
  };
}

/**
 * The newest record and the others from its execution. A record without an
 * execution id stands alone.
 */
function newestExecution(evidence: EvidenceRecord[]): EvidenceRecord[] {
  if (evidence.length === 0) {
    return [];
  }
  const sorted = [...evidence].sort(
    (a, b) =>
      b.uploadedAt.localeCompare(a.uploadedAt) || b.id.localeCompare(a.id),
  );
  const newest = sorted[0];
  if (!newest.executionId) {
    return [newest];
  }
  return sorted.filter(e => e.executionId === newest.executionId);
}
