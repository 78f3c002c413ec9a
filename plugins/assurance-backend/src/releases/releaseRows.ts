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
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { toDate } from '../database/time';

export const RELEASES_TABLE = 'assurance_releases';
export const HEADS_TABLE = 'assurance_environment_heads';

type Timestamp = Date | string | number;

/** A row of assurance_releases, as knex reads it. */
export interface ReleaseRow {
  id: string;
  entity_ref: string;
  environment: string;
  artifact_name: string;
  artifact_version: string | null;
  digest: string;
  status: string;
  migration_status: string;
  actor: string;
  reason: string | null;
  work_item: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  approval_expires_at: Timestamp | null;
  approved_by: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  rollback_of: string | null;
}

export interface HeadRow {
  release_id: string | null;
  previous_release_id: string | null;
}

/**
 * Locks the environment's head row, creating it first if needed. On
 * PostgreSQL and MySQL the row lock serialises writers of one
 * environment; SQLite serialises all writers already (and knows no
 * FOR UPDATE).
 */
export async function lockHead(options: {
  tx: Knex.Transaction;
  entityRef: string;
  environment: string;
}): Promise<HeadRow> {
  const { tx, entityRef, environment } = options;
  const key = { entity_ref: entityRef, environment };
  await tx(HEADS_TABLE)
    .insert({ ...key, release_id: null, previous_release_id: null })
    .onConflict(['entity_ref', 'environment'])
    .ignore();
  const query = tx(HEADS_TABLE)
    .where(key)
    .first('release_id', 'previous_release_id');
  if (!String(tx.client.config.client).includes('sqlite')) {
    query.forUpdate();
  }
  return query;
}

/**
 * Makes the release the environment's active one, under the head's lock
 * (taken by the caller); refused while another release there is still
 * deploying.
 */
export async function takeHead(options: {
  tx: Knex.Transaction;
  release: Pick<Release, 'id' | 'entityRef' | 'environment'>;
  head: HeadRow;
}): Promise<void> {
  const { tx, release, head } = options;
  const { entityRef, environment } = release;
  await refuseWhileDeploying({ tx, head, environment });
  await tx(HEADS_TABLE).where({ entity_ref: entityRef, environment }).update({
    release_id: release.id,
    previous_release_id: head.release_id,
  });
}

/**
 * Refuses (409) while the head's release is still deploying: an
 * environment deploys one thing at a time.
 */
export async function refuseWhileDeploying(options: {
  tx: Knex.Transaction;
  head: HeadRow;
  environment: string;
}): Promise<void> {
  const { tx, head, environment } = options;
  if (!head.release_id) {
    return;
  }
  const active: Pick<ReleaseRow, 'status' | 'digest'> | undefined = await tx(
    RELEASES_TABLE,
  )
    .where({ id: head.release_id })
    .first('status', 'digest');
  if (active?.status === 'deploying') {
    throw new ConflictError(
      `Release ${head.release_id} (${active.digest}) is still deploying to ${environment}; mark it succeeded or failed first`,
    );
  }
}

/** A release that succeeded supersedes those that had succeeded before. */
export async function supersedeOthers(options: {
  tx: Knex.Transaction;
  release: Pick<Release, 'id' | 'entityRef' | 'environment'>;
  now: Date;
}): Promise<void> {
  const { tx, release, now } = options;
  await tx(RELEASES_TABLE)
    .where({
      entity_ref: release.entityRef,
      environment: release.environment,
      status: 'succeeded',
    })
    .whereNot({ id: release.id })
    .update({ status: 'superseded', updated_at: now });
}

/**
 * A release as the API shows it. Given `now`, a request still stored as
 * `pending-approval` whose deadline has passed reads as `expired`, also
 * before the lapse job has marked it so.
 */
export function rowToRelease(row: ReleaseRow, now?: Date): Release {
  const lapsed =
    now !== undefined &&
    row.status === 'pending-approval' &&
    Boolean(row.approval_expires_at) &&
    toDate(row.approval_expires_at!).getTime() <= now.getTime();
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    artifact: {
      name: row.artifact_name,
      ...(row.artifact_version ? { version: row.artifact_version } : {}),
      digest: row.digest,
    },
    status: lapsed ? 'expired' : (row.status as ReleaseStatus),
    migrationStatus: row.migration_status as MigrationStatus,
    actor: row.actor,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.work_item ? { workItem: row.work_item } : {}),
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
    ...(row.approval_expires_at
      ? { approvalExpiresAt: toDate(row.approval_expires_at).toISOString() }
      : {}),
    ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
    ...(row.rejected_by ? { rejectedBy: row.rejected_by } : {}),
    ...(row.rejection_reason ? { rejectionReason: row.rejection_reason } : {}),
    ...(row.rollback_of ? { rollbackOf: row.rollback_of } : {}),
    evidenceIds: [],
  };
}
