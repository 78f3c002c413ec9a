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
 * Gate verdicts, as the backend answers them.
 */

import { GateStatus, RiskLevel } from './types';

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
  /**
   * For an `overridden` gate: the status it would have without the
   * override, and the override that waives it.
   */
  override?: {
    id: string;
    underlyingStatus: Exclude<GateStatus, 'overridden' | 'passed'>;
    reason: string;
    requestedBy: string;
    approvedBy: string;
    /** ISO 8601, UTC. */
    expiresAt: string;
  };
}

/**
 * All gate verdicts of an entity.
 *
 * @public
 */
export interface EntityGates {
  entityRef: string;
  riskLevel: RiskLevel;
  /** Present when the verdicts are for one artifact: `algorithm:hex`. */
  digest?: string;
  /** Present when the verdicts are for one environment's policy layer. */
  environment?: string;
  /** The version hash of the effective policy the verdicts used. */
  policyVersion?: string;
  gates: GateResult[];
  /**
   * What must happen next: the first required gate, in policy order, that
   * has neither passed nor been overridden. Absent when all have.
   */
  nextGate?: { id: string; title: string; status: GateStatus };
}
