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
 * Gate policy: which gates an entity needs and how strict each is, in
 * layers from the platform's defaults to the environment, with the layer
 * each value came from.
 */

import { RiskLevel, Severity } from './types';

/**
 * Thresholds and switches of one gate. Every key is optional; a gate reads
 * the keys it knows.
 *
 * @public
 */
export interface GateSettings {
  /** Evidence older than this many days counts as missing. */
  freshnessDays?: number;
  /**
   * dependency-scan: the most severe finding allowed; `none` allows no
   * finding at all. Default `medium`.
   */
  maxSeverity?: Severity | 'none';
  /** dependency-scan: most findings allowed per severity. */
  maxFindings?: Partial<Record<Severity, number>>;
  /** lint: most unsuppressed error-level results allowed. Default 0. */
  maxErrors?: number;
  /** lint: most warnings allowed. Default: no limit. */
  maxWarnings?: number;
  /** coverage: the lowest line rate allowed, 0..1. Default 0.6. */
  minLineRate?: number;
  /** scorecard: the lowest OpenSSF Scorecard score allowed, 0..10. Default 5. */
  minScore?: number;
  /** provenance: the signature must be verified. Default true at `high`. */
  requireVerifiedSignature?: boolean;
  /**
   * integration-tests and smoke-test: a regular expression over test suite
   * names that picks this gate's reports among test evidence that did not
   * declare its gate when uploaded.
   */
  suitePattern?: string;
}

/**
 * One layer of gate policy: gates it adds and settings it sets.
 *
 * @public
 */
export interface GatePolicyLayer {
  /** Gates this layer requires, added to those of the layers below. */
  requiredGates?: string[];
  /** Settings per gate id. */
  gates?: Record<string, GateSettings>;
}

/**
 * Where a policy value came from, lowest layer first: `platform` (the
 * platform's defaults and the risk level's gates in app-config), `group`
 * (the owning group), `system`, `profile` (a named profile the entity's
 * annotation picks), `entity` (inline in the annotation), `environment`.
 *
 * @public
 */
export interface PolicySource {
  layer: 'platform' | 'group' | 'system' | 'profile' | 'entity' | 'environment';
  /** The group, system, profile or environment, when the layer has one. */
  name?: string;
}

/**
 * A value of the effective policy and the layer it came from.
 *
 * @public
 */
export interface SourcedValue<T> {
  value: T;
  source: PolicySource;
}

/**
 * The policy in force for an entity (and environment), with the layer of
 * every value.
 *
 * @public
 */
export interface EffectivePolicy {
  entityRef: string;
  riskLevel: RiskLevel;
  environment?: string;
  /**
   * A hash of the effective required gates and settings (not of their
   * sources): it changes exactly when what is enforced changes.
   */
  version: string;
  /** In the order gates are shown and evaluated. */
  requiredGates: Array<SourcedValue<string>>;
  /** Settings per gate id, each with its source. */
  gates: Record<
    string,
    { [K in keyof GateSettings]?: SourcedValue<GateSettings[K]> }
  >;
  /** The longest an override may last, in days. */
  maxOverrideDays: number;
  /**
   * Values a layer tried to set that were refused: lowerings without the
   * platform's permission, or invalid values. Refused values are not in
   * force.
   */
  refused: Array<{ source: PolicySource; key: string; message: string }>;
  /** Earlier versions of this entity's effective policy, newest first. */
  history?: PolicyHistoryEntry[];
}

/**
 * A change of an entity's effective policy.
 *
 * @public
 */
export interface PolicyHistoryEntry {
  version: string;
  previousVersion?: string;
  /** ISO 8601, UTC: when the backend first saw this version. */
  changedAt: string;
}

/**
 * How an environment's reported runtime config compares with the expected
 * effective config.
 *
 * @public
 */
export type DriftStatus = 'in-sync' | 'drifted' | 'unknown';

/**
 * The drift status of one environment.
 *
 * @public
 */
export interface EnvironmentDrift {
  environment: string;
  status: DriftStatus;
  /** Why the status is what it is, in a sentence. */
  reason: string;
  /** The newest report; absent when none was made (status `unknown`). */
  latest?: RuntimeConfigReport;
  /** Keys whose actual value differs from the expected one. */
  differences: Array<{ key: string; expected: unknown; actual: unknown }>;
  /** The newest report that was in sync. */
  lastKnownGood?: RuntimeConfigReport;
}

/**
 * A report of the config an environment runs.
 *
 * @public
 */
export interface RuntimeConfigReport {
  id: string;
  entityRef: string;
  environment: string;
  /** sha256 of the canonical JSON of the reported document. */
  version: string;
  reportedBy: string;
  /** ISO 8601, UTC. */
  reportedAt: string;
}

/**
 * The state of a gate override.
 *
 * - `pending`: requested, waiting for an approver.
 * - `approved`: in force until `expiresAt`.
 * - `rejected`: an approver said no.
 * - `expired`: approved, and its time is over; or never decided in time.
 *
 * @public
 */
export type OverrideStatus = 'pending' | 'approved' | 'rejected' | 'expired';

/**
 * A time-bounded exception for one failing gate of one entity (and
 * optionally one artifact), with a reason and an approval record.
 *
 * @public
 */
export interface GateOverride {
  id: string;
  entityRef: string;
  gateId: string;
  /** Only this artifact, when set: `algorithm:hex`. */
  digest?: string;
  reason: string;
  requestedBy: string;
  /** ISO 8601, UTC. */
  requestedAt: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  status: OverrideStatus;
  decidedBy?: string;
  /** ISO 8601, UTC. */
  decidedAt?: string;
  decisionComment?: string;
}
