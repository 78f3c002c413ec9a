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
  MigrationStatus,
  Release,
  ReleaseFilter,
  ReleasePage,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { AuditEntryInput } from '../database/EvidenceStore';

/** A release as a route makes it. */
export interface NewRelease {
  id: string;
  entityRef: string;
  environment: string;
  artifact: { name: string; version?: string; digest: string };
  status: Extract<
    ReleaseStatus,
    'pending-approval' | 'deploying' | 'succeeded' | 'failed'
  >;
  migrationStatus: MigrationStatus;
  actor: string;
  reason?: string;
  workItem?: string;
  /** When it was deployed: now, or earlier for history being imported. */
  createdAt: Date;
  approvalExpiresAt?: Date;
  rollbackOf?: string;
  /** Evidence of the entity it was recorded with, checked by the caller. */
  evidenceIds?: string[];
}

/**
 * Keeps releases and the active release (head) of each environment. Every
 * write is audited in its transaction. Writes that change a head lock its
 * row, so an environment has exactly one active release: a release that
 * would become active while the head is still `deploying` is refused with
 * a ConflictError.
 *
 * Every release read carries its `evidenceIds`: the evidence it was
 * recorded with, then the entity's evidence that names its digest.
 */
export interface ReleaseStore {
  /**
   * Reads go by the stored status unless given `now`: then a request
   * past its approval deadline reads (and filters) as `expired`.
   */
  getRelease(options: { id: string; now?: Date }): Promise<Release | undefined>;

  /** The entity's releases, newest (by createdAt) first. */
  listReleases(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    now?: Date;
  }): Promise<Release[]>;

  /**
   * Like listReleases, at most `limit` after the `cursor`, with the cursor
   * of the next page.
   */
  listReleasePage(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    limit: number;
    cursor?: string;
    now?: Date;
  }): Promise<ReleasePage>;

  /**
   * The status and time of the entity's finished deployments (see
   * DEPLOYMENT_STATUSES) in one environment, created at or after `since`.
   */
  listDeployments(options: {
    entityRef: string;
    environment: string;
    since: Date;
  }): Promise<Array<Pick<Release, 'environment' | 'status' | 'createdAt'>>>;

  /** The ids among `ids` that are not evidence of the entity. */
  findUnknownEvidence(options: {
    entityRef: string;
    ids: string[];
  }): Promise<string[]>;

  /** The active release id of each environment that has one. */
  listActive(options: { entityRef: string }): Promise<Record<string, string>>;

  /** Whether the digest succeeded in the environment (even if since superseded). */
  hasSucceeded(options: {
    entityRef: string;
    environment: string;
    digest: string;
  }): Promise<boolean>;

  /**
   * Stores a release with its evidence links. A `deploying` or
   * `succeeded` one becomes the environment's active release; a
   * `succeeded` one supersedes the releases that had succeeded there
   * before. One dated before the active release is history and does not
   * become active (see `recordRelease`). `now` (default: its createdAt)
   * is when it is recorded.
   */
  createRelease(options: {
    release: NewRelease;
    audit: AuditEntryInput;
    now?: Date;
  }): Promise<Release>;

  /**
   * Moves a `deploying` release to `succeeded` or `failed` and/or sets its
   * migration status. A failed active release gives the head back to the
   * release that was active before it. Undefined, and nothing written,
   * when the status change no longer applies (raced or not deploying).
   */
  updateRelease(options: {
    id: string;
    status?: 'succeeded' | 'failed';
    migrationStatus?: MigrationStatus;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined>;

  /**
   * Turns an unexpired `pending-approval` release into the `deploying`
   * active one, dated (createdAt) at its approval, when it deploys.
   * Undefined when it no longer is pending or has lapsed.
   */
  approveRelease(options: {
    id: string;
    approvedBy: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined>;

  /**
   * Ends an unexpired `pending-approval` release without deploying it: an
   * approver `rejected` it or its requester `withdrew` it. Undefined when
   * it no longer is pending.
   */
  rejectRelease(options: {
    id: string;
    rejectedBy: string;
    status: 'rejected' | 'withdrawn';
    reason: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined>;

  /**
   * Rolls the environment back: under the head's lock, finds the target
   * with `findRollbackTarget`, marks the active release `rolled-back` and
   * stores a `deploying` release of the target's artifact. Undefined when
   * there is no target.
   */
  rollback(options: {
    id: string;
    entityRef: string;
    environment: string;
    actor: string;
    reason: string;
    now: Date;
    audit: (target: Release, current: Release) => AuditEntryInput;
  }): Promise<{ release: Release; rolledBack: Release } | undefined>;

  /**
   * Pending approvals that lapsed by `now` and whose lapse was not
   * handled yet, oldest first.
   */
  listLapsedApprovals(options: {
    now: Date;
    limit: number;
  }): Promise<Release[]>;

  /**
   * Marks a lapsed pending approval handled and audits it, in one
   * transaction. False when it no longer is lapsed and unhandled: another
   * replica handled it, or it was approved in the meantime. Its status
   * becomes `expired`.
   */
  markApprovalLapsed(options: {
    id: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<boolean>;
}
