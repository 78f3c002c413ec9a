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

import { InputError } from '@backstage/errors';
import {
  MigrationStatus,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { toDate } from '../database/time';
import {
  HEADS_TABLE as HEADS,
  RELEASES_TABLE as TABLE,
  lockHead,
  refuseWhileDeploying,
  rowToRelease,
  supersedeOthers,
  takeHead,
} from './releaseRows';
import { NewRelease } from './ReleaseStore';

/**
 * Inserts a new release in the caller's transaction and moves the
 * environment's head as its status and time say; answers the status it
 * was stored with.
 *
 * A `deploying` or `succeeded` release at or after the active one becomes
 * active (refused with a ConflictError while the active one deploys); a
 * `succeeded` one supersedes those that had succeeded there.
 *
 * A release dated before the active one is history being imported, and
 * never becomes active:
 * - `succeeded`: stored `superseded` (it ran, and something newer runs
 *   now). While the active release still deploys, and it is newer than
 *   any other release that ran there, it is the fallback instead: it
 *   stays `succeeded`, supersedes the older ones, and is active again if
 *   the deploying release fails.
 * - `deploying`: refused with an InputError; it cannot be in progress
 *   behind a newer release.
 * - `failed` (and `pending-approval`): stored as given, as always.
 */
export async function recordRelease(options: {
  tx: Knex.Transaction;
  release: NewRelease;
  /** When it is recorded, which may be after `release.createdAt`. */
  now: Date;
}): Promise<ReleaseStatus> {
  const { tx, release, now } = options;
  const status = await placeInHistory({ tx, release });
  await tx(TABLE).insert({
    id: release.id,
    entity_ref: release.entityRef,
    environment: release.environment,
    artifact_name: release.artifact.name,
    artifact_version: release.artifact.version ?? null,
    digest: release.artifact.digest,
    status,
    migration_status: release.migrationStatus,
    actor: release.actor,
    reason: release.reason ?? null,
    work_item: release.workItem ?? null,
    created_at: release.createdAt,
    updated_at: now,
    succeeded_at:
      status === 'succeeded' || status === 'superseded'
        ? release.createdAt
        : null,
    approval_expires_at: release.approvalExpiresAt ?? null,
    rollback_of: release.rollbackOf ?? null,
  });
  if (status === 'succeeded') {
    await supersedeOthers({ tx, release, now });
  }
  return status;
}

/** Moves the head for the new release; answers the status to store. */
async function placeInHistory(options: {
  tx: Knex.Transaction;
  release: NewRelease;
}): Promise<ReleaseStatus> {
  const { tx, release } = options;
  if (release.status !== 'deploying' && release.status !== 'succeeded') {
    return release.status;
  }
  const { entityRef, environment } = release;
  const head = await lockHead({ tx, entityRef, environment });
  const active = await createdAtOf(tx, head.release_id);
  if (!active || release.createdAt >= active.createdAt) {
    await takeHead({ tx, release, head });
    return release.status;
  }

  if (release.status === 'deploying') {
    // Two deploys racing for the environment: the one that lost the lock
    // may be a moment older than the winner, and is refused for deploying
    // at the same time, not for its date.
    await refuseWhileDeploying({ tx, head, environment });
    throw new InputError(
      `deployedAt ${release.createdAt.toISOString()} is before the active release of ${environment} (${
        active.id
      }, ${active.createdAt.toISOString()}); an older release can only be recorded as succeeded or failed`,
    );
  }
  return (await becomesFallback({ tx, release, active }))
    ? 'succeeded'
    : 'superseded';
}

/**
 * While the active release deploys, an imported success that is newer
 * than every other release known to have run there becomes the release
 * the head returns to if the deploying one fails.
 */
async function becomesFallback(options: {
  tx: Knex.Transaction;
  release: NewRelease;
  active: { id: string; status: string };
}): Promise<boolean> {
  const { tx, release, active } = options;
  if (active.status !== 'deploying') {
    return false;
  }
  const { entityRef, environment } = release;
  const newest = await tx(TABLE)
    .where({ entity_ref: entityRef, environment })
    .whereIn('status', ['succeeded', 'superseded'])
    .whereNot({ id: active.id })
    .max({ at: 'created_at' })
    .first();
  if (newest?.at && release.createdAt < toDate(newest.at)) {
    return false;
  }
  await tx(HEADS)
    .where({ entity_ref: entityRef, environment })
    .update({ previous_release_id: release.id });
  return true;
}

async function createdAtOf(
  tx: Knex.Transaction,
  id: string | null,
): Promise<{ id: string; status: string; createdAt: Date } | undefined> {
  if (!id) {
    return undefined;
  }
  const row = await tx(TABLE).where({ id }).first('status', 'created_at');
  return row
    ? { id, status: row.status, createdAt: toDate(row.created_at) }
    : undefined;
}

/**
 * Records how a release went, in the caller's transaction (which audits
 * it): its migration status, and for a `deploying` one its outcome. A
 * success supersedes the releases that ran before; a failure puts the
 * release that ran before back as the active one. False when there is no
 * such release, or it no longer deploys.
 */
export async function finishRelease(options: {
  tx: Knex.Transaction;
  id: string;
  status?: 'succeeded' | 'failed';
  migrationStatus?: MigrationStatus;
  now: Date;
}): Promise<boolean> {
  const { tx, id, status, now } = options;
  const query = tx(TABLE).where({ id });
  if (status) {
    // The status guard makes the transition race-safe.
    query.andWhere({ status: 'deploying' });
  }
  const updated = await query.update({
    ...(status ? { status } : {}),
    ...(status === 'succeeded' ? { succeeded_at: now } : {}),
    ...(options.migrationStatus
      ? { migration_status: options.migrationStatus }
      : {}),
    updated_at: now,
  });
  if (updated !== 1) {
    return false;
  }
  const release = rowToRelease(await tx(TABLE).where({ id }).first());
  if (status === 'succeeded') {
    await supersedeOthers({ tx, release, now });
  } else if (status === 'failed') {
    // The release that ran before is what runs again.
    await tx(HEADS)
      .where({
        entity_ref: release.entityRef,
        environment: release.environment,
        release_id: id,
      })
      .update({
        release_id: tx.ref('previous_release_id'),
        previous_release_id: null,
      });
  }
  return true;
}
