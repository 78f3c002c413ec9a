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

import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  lockHead,
  rowToRelease,
  takeHead,
} from './releaseRows';

/*
 * The ways a pending promotion ends, each inside the caller's transaction,
 * which audits it. Each answers whether it took effect: its conditions
 * make it race-safe against the others and against replicas doing the
 * same.
 */

/**
 * Approves an unexpired request: under the head's lock it becomes the
 * environment's `deploying` active release, dated at its approval;
 * refused (409) while another release there still deploys.
 */
export async function approvePending(options: {
  tx: Knex.Transaction;
  id: string;
  approvedBy: string;
  now: Date;
}): Promise<boolean> {
  const { tx, id, now } = options;
  const row: ReleaseRow | undefined = await tx(TABLE)
    .where({ id, status: 'pending-approval' })
    .andWhere('approval_expires_at', '>', now)
    .first();
  if (!row) {
    return false;
  }
  const release = rowToRelease(row);
  const head = await lockHead({ tx, ...release });
  await takeHead({ tx, release, head });
  const updated = await tx(TABLE)
    .where({ id, status: 'pending-approval' })
    .update({
      status: 'deploying',
      approved_by: options.approvedBy,
      // It deploys from now: what ran while it waited is earlier.
      created_at: now,
      updated_at: now,
    });
  if (updated !== 1) {
    throw new ConflictError(`Release ${id} was decided in the meantime`);
  }
  return true;
}

/**
 * Ends an unexpired request without deploying it, as `rejected` (by an
 * approver) or `withdrawn` (by its requester).
 */
export async function rejectPending(options: {
  tx: Knex.Transaction;
  id: string;
  rejectedBy: string;
  status: 'rejected' | 'withdrawn';
  reason: string;
  now: Date;
}): Promise<boolean> {
  const { tx, id, now } = options;
  const updated = await tx(TABLE)
    .where({ id, status: 'pending-approval' })
    .andWhere('approval_expires_at', '>', now)
    .update({
      status: options.status,
      rejected_by: options.rejectedBy,
      rejection_reason: options.reason,
      updated_at: now,
    });
  return updated === 1;
}

/**
 * Claims the handling of a lapsed request, which becomes `expired`: of
 * replicas racing, one updates the row and the others find nothing left
 * to update.
 */
export async function claimLapse(options: {
  tx: Knex.Transaction;
  id: string;
  now: Date;
}): Promise<boolean> {
  const { tx, id, now } = options;
  const updated = await tx(TABLE)
    .where({ id, status: 'pending-approval' })
    .andWhere('approval_expires_at', '<=', now)
    .whereNull('approval_lapse_notified_at')
    .update({
      status: 'expired',
      approval_lapse_notified_at: now,
      updated_at: now,
    });
  return updated === 1;
}
