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

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  EvidenceFormat,
  EvidenceRecord,
  GateSettings,
  RiskLevel,
} from '@real-app-forever/plugin-assurance-common';

/**
 * What a gate's rule decides from its evidence. `missing` is not among
 * them: the backend decides that before the rule runs.
 *
 * @public
 */
export interface GateVerdict {
  status: 'passed' | 'failed' | 'unknown';
  /** Why, in a sentence or two that name what was found. */
  reason: string;
  /** How to make the gate pass; empty when it passed. */
  remediation: string;
}

/**
 * What a gate's rule is evaluated against besides its evidence.
 *
 * @public
 */
export interface GateEvaluationContext {
  /** This gate's settings in the effective policy, without their sources. */
  settings: GateSettings;
  riskLevel: RiskLevel;
  /**
   * The artifact under evaluation, `algorithm:hex` in lower case, when the
   * verdicts are for one artifact. The evidence is then only evidence
   * linked to it.
   */
  digest?: string;
  /**
   * For an entity-level evaluation: the newest artifact digest that the
   * entity's evidence declared, if any.
   */
  latestDeclaredDigest?: string;
  now: Date;
}

/**
 * What a gate may consult when it picks its evidence.
 *
 * @public
 */
export interface GateSelectionContext {
  /**
   * Every gate's settings in the effective policy, by gate id, so that a
   * gate can leave evidence to another (unit tests leave reports whose
   * suites match the integration-tests pattern).
   */
  settingsByGate: Record<string, GateSettings>;
}

/**
 * A gate: which evidence it reads and the rule it applies.
 *
 * @public
 */
export interface GateDefinition {
  /** Lower-case letters, digits and dashes, e.g. `license-policy`. */
  id: string;
  title: string;
  /** The formats whose evidence this gate reads. */
  formats: EvidenceFormat[];
  /** What to upload when there is no evidence. */
  missingRemediation: string;
  /**
   * Picks this gate's evidence among records of its formats, when not all
   * of them are; for example, to tell unit tests from integration tests.
   * Runs before freshness is checked and the newest execution is chosen.
   */
  select?(
    evidence: EvidenceRecord[],
    settings: GateSettings,
    context: GateSelectionContext,
  ): EvidenceRecord[];
  /**
   * The rule, over the picked evidence of the newest execution: never
   * empty, newest first, all within the freshness limit.
   */
  evaluate(
    evidence: EvidenceRecord[],
    context: GateEvaluationContext,
  ): GateVerdict;
}

/**
 * Lets backend modules add gates to the assurance backend.
 *
 * @public
 */
export interface AssuranceGatesExtensionPoint {
  /**
   * Adds gates. A gate whose id is taken replaces the gate that had it,
   * built-in ones included. Policy decides which gates are required.
   */
  addGate(...gates: GateDefinition[]): void;
}

/**
 * The extension point for gates.
 *
 * @public
 */
export const assuranceGatesExtensionPoint =
  createExtensionPoint<AssuranceGatesExtensionPoint>({
    id: 'assurance.gates',
  });
