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

import { Release } from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import {
  HEADS_TABLE as HEADS,
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  lockHead,
  rowToRelease,
} from './releaseRows';
import { findRollbackTarget, ROLLBACK_WINDOW } from './rollbackTarget';

/**
 * In the caller's transaction and under the head's lock: finds the
 * rollback target, marks the active release `rolled-back` and stores a
 * `deploying` release of the target's artifact as the active one; should
 * that fail, the environment goes back to the rolled-back release. The
 * caller audits.
 * Undefined when there is no active release or no target.
 */
export async function rollbackRelease(options: {
  tx: Knex.Transaction;
  id: string;
  entityRef: string;
  environment: string;
  actor: string;
  reason: string;
  now: Date;
}): Promise<
  { release: Release; rolledBack: Release; target: Release } | undefined
> {
  const { tx, entityRef, environment, now } = options;
  const head = await lockHead({ tx, entityRef, environment });
  // The same window as the environments answer, so that the target
  // rolled back to is the one the user was shown.
  const rows: ReleaseRow[] = await tx(TABLE)
    .where({ entity_ref: entityRef, environment })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(ROLLBACK_WINDOW);
  if (head.release_id && !rows.some(row => row.id === head.release_id)) {
    rows.push(await tx(TABLE).where({ id: head.release_id }).first());
  }
  const history = rows.map(row => rowToRelease(row));
  const current = history.find(r => r.id === head.release_id) ?? null;
  const target = findRollbackTarget({ history, active: current });
  if (!current || !target) {
    return undefined;
  }
  await tx(TABLE)
    .where({ id: current.id })
    .update({ status: 'rolled-back', updated_at: now });
  await tx(TABLE).insert({
    id: options.id,
    entity_ref: entityRef,
    environment,
    artifact_name: target.artifact.name,
    artifact_version: target.artifact.version ?? null,
    digest: target.artifact.digest,
    status: 'deploying',
    migration_status: 'none',
    actor: options.actor,
    reason: options.reason,
    created_at: now,
    updated_at: now,
    rollback_of: current.id,
  });
  // Should the rollback's deploy fail, the release it rolled back is what
  // still runs, and the target stays the way back.
  await tx(HEADS)
    .where({ entity_ref: entityRef, environment })
    .update({ release_id: options.id, previous_release_id: current.id });
  const read = async (id: string) =>
    rowToRelease(await tx(TABLE).where({ id }).first());
  return {
    release: await read(options.id),
    rolledBack: await read(current.id),
    target,
  };
}
