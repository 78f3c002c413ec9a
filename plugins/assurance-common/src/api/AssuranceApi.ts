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

import { EffectivePolicy, EnvironmentDrift, GateOverride } from '../policy';
import {
  Artifact,
  EvidenceFilter,
  EvidencePage,
  EvidenceRecord,
  EvidenceVerification,
} from '../types';
import { EntityGates } from '../gateResults';
import {
  DeploymentMeasures,
  EnvironmentState,
  MigrationStatus,
  PromotionDecision,
  Release,
  ReleaseFilter,
  ReleasePage,
  RollbackResult,
} from '../releases';

/**
 * Reads the assurance backend, and asks it for gate overrides.
 *
 * @public
 */
export interface AssuranceApi {
  /**
   * The gate verdicts of an entity; of one artifact when `digest` is given,
   * under one environment's policy layer when `environment` is.
   */
  getGates(options: {
    entityRef: string;
    digest?: string;
    environment?: string;
  }): Promise<EntityGates>;
  listEvidence(options: {
    entityRef: string;
    limit?: number;
    cursor?: string;
    filter?: EvidenceFilter;
  }): Promise<EvidencePage>;
  getEvidence(options: { id: string }): Promise<EvidenceRecord>;
  /** The URL that serves an evidence file's original bytes. */
  getEvidenceContentUrl(options: { id: string }): Promise<string>;
  /** Re-hashes the stored bytes and compares with the recorded sha256. */
  verifyEvidence(options: { id: string }): Promise<EvidenceVerification>;
  /** The URL of a zip archive of all the entity's evidence and a manifest. */
  getEvidenceExportUrl(options: { entityRef: string }): Promise<string>;
  /** The entity's artifacts, newest first. */
  listArtifacts(options: { entityRef: string }): Promise<Artifact[]>;
  /** The policy in force, with the layer of every value and its history. */
  getPolicy(options: {
    entityRef: string;
    environment?: string;
  }): Promise<EffectivePolicy>;
  /** The entity's gate overrides, in every state, newest first. */
  listOverrides(options: { entityRef: string }): Promise<GateOverride[]>;
  /** Asks for a time-bounded override of one gate; it starts `pending`. */
  requestOverride(options: {
    entityRef: string;
    gateId: string;
    reason: string;
    expiresInDays: number;
    /** Only this artifact, when given: `algorithm:hex`. */
    digest?: string;
  }): Promise<GateOverride>;
  /** Approves someone else's pending override. */
  approveOverride(options: {
    id: string;
    comment?: string;
  }): Promise<GateOverride>;
  /** Rejects a pending override; the comment says why. */
  rejectOverride(options: {
    id: string;
    comment: string;
  }): Promise<GateOverride>;
  /** How each environment's reported runtime config compares with policy. */
  getDrift(options: { entityRef: string }): Promise<EnvironmentDrift[]>;
  /**
   * The entity's environments in promotion order, each with its active
   * release, rollback target and pending approvals.
   */
  listEnvironments(options: { entityRef: string }): Promise<EnvironmentState[]>;
  /**
   * A page of the entity's releases across all environments, newest first
   * (`limit` 1–200, default 100; `cursor` from the previous page).
   */
  listReleases(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    limit?: number;
    cursor?: string;
  }): Promise<ReleasePage>;
  /** Deployment frequency and change-failure rate, week by week. */
  getDeploymentMeasures(options: {
    entityRef: string;
    environment?: string;
    weeks?: number;
  }): Promise<DeploymentMeasures>;
  /**
   * Asks to promote a digest. A refusal is an answer with reasons, not an
   * error.
   */
  promote(options: {
    entityRef: string;
    environment: string;
    digest: string;
    reason?: string;
  }): Promise<PromotionDecision>;
  /**
   * Reports how a deploying release ended (and/or its migrations), as a
   * pipeline does with `assurance release update`.
   */
  updateRelease(options: {
    id: string;
    status?: 'succeeded' | 'failed';
    migrationStatus?: MigrationStatus;
  }): Promise<Release>;
  /** Approves someone else's pending promotion. */
  approveRelease(options: { id: string }): Promise<Release>;
  /**
   * Ends a pending promotion without deploying it: an approver rejects it,
   * or its requester withdraws it.
   */
  rejectRelease(options: { id: string; reason: string }): Promise<Release>;
  /** Rolls the environment back to its rollback target. */
  rollback(options: {
    entityRef: string;
    environment: string;
    reason: string;
  }): Promise<RollbackResult>;
}
