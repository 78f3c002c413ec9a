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
 * Environments and releases: what is deployed where, by whom, why, and what
 * to roll back to.
 */

import { GateStatus } from './types';

/**
 * Every state of a release, in display order. A promotion that waits for
 * approval is `pending-approval`; one that ends without being deployed is
 * `rejected` (by an approver), `withdrawn` (by its requester) or `expired`
 * (nobody approved it in time).
 *
 * @public
 */
export const RELEASE_STATUSES = [
  'pending-approval',
  'deploying',
  'succeeded',
  'failed',
  'rolled-back',
  'superseded',
  'rejected',
  'withdrawn',
  'expired',
] as const;

/**
 * The state of a release: one of {@link RELEASE_STATUSES}.
 *
 * @public
 */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/**
 * The state of a release's database migrations.
 *
 * @public
 */
export type MigrationStatus =
  | 'none'
  | 'pending'
  | 'applied'
  | 'failed'
  | 'rolled-back';

/**
 * An artifact deployed (or asked to be deployed) to an environment.
 *
 * @public
 */
export interface Release {
  id: string;
  entityRef: string;
  environment: string;
  artifact: { name: string; version?: string; digest: string };
  status: ReleaseStatus;
  migrationStatus: MigrationStatus;
  /** Who deployed or asked to promote. */
  actor: string;
  reason?: string;
  workItem?: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC. */
  updatedAt: string;
  /** For a promotion waiting for approval: when it lapses. ISO 8601. */
  approvalExpiresAt?: string;
  approvedBy?: string;
  /**
   * For a `rejected` or `withdrawn` promotion request: who rejected it (an
   * approver) or withdrew it (its requester), and why.
   */
  rejectedBy?: string;
  rejectionReason?: string;
  /** For a rollback: the release it rolled back from. */
  rollbackOf?: string;
  evidenceIds: string[];
}

/**
 * The promotion rule of an environment.
 *
 * @public
 */
export interface PromotionRule {
  /** Gates that must pass (or be overridden) for the artifact's digest. */
  requiredGates: string[];
  /** The previous stage must have run this digest successfully. */
  requirePreviousStage: boolean;
  /** A second person with `assurance.release.approve` must approve. */
  requireApproval: boolean;
}

/**
 * One environment of an entity, with what runs there.
 *
 * @public
 */
export interface EnvironmentState {
  name: string;
  /** Position in the promotion order, from 0. */
  order: number;
  rule: PromotionRule;
  activeRelease: Release | null;
  /**
   * The newest earlier release that succeeded here with a different
   * digest; null when there is none.
   */
  rollbackTarget: Release | null;
  /**
   * When the active release is a rollback, the release it rolled back
   * (now `rolled-back`).
   */
  rolledBackRelease?: Release;
  pendingApprovals: Release[];
  /** Gate status of the active release's digest, by gate id. */
  activeGates?: Record<string, GateStatus>;
}

/**
 * The answer to a promotion request.
 *
 * @public
 */
export interface PromotionDecision {
  decision: 'promoted' | 'pending-approval' | 'refused';
  /** Why: each unmet condition, or what was done. */
  reasons: string[];
  release?: Release;
}

/**
 * Which releases a history lists.
 *
 * @public
 */
export interface ReleaseFilter {
  environment?: string;
  /** Any of these statuses. */
  status?: ReleaseStatus[];
  /** Recorded at or after this time, ISO 8601. */
  since?: string;
}

/**
 * One page of a release history, newest first.
 *
 * @public
 */
export interface ReleasePage {
  items: Release[];
  /** Fetches the next, older page; absent on the last. */
  nextCursor?: string;
}

/**
 * Deployments and failures of one week.
 *
 * @public
 */
export interface DeploymentMeasuresBucket {
  /** Start of the week (Monday 00:00 UTC), ISO 8601. */
  start: string;
  /** Finished deployments: succeeded, superseded, failed or rolled back. */
  deployments: number;
  /** Deployments that failed or were rolled back. */
  failures: number;
  /** failures / deployments; null in a week without deployments. */
  changeFailureRate: number | null;
}

/**
 * The DORA deployment frequency and change-failure rate of one
 * environment, week by week.
 *
 * @public
 */
export interface DeploymentMeasures {
  environment: string;
  weeks: number;
  /** ISO 8601, the start of the first bucket. */
  from: string;
  /** ISO 8601, when the measures were taken. */
  to: string;
  buckets: DeploymentMeasuresBucket[];
  totals: {
    deployments: number;
    failures: number;
    changeFailureRate: number | null;
    deploymentsPerWeek: number;
  };
}

/**
 * What a rollback did: the new release of the target's artifact, and the
 * release it rolled back.
 *
 * @public
 */
export interface RollbackResult {
  release: Release;
  rolledBack: Release;
}
