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
  Release,
  ReleaseFilter,
  ReleasePage,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { afterCursor, encodeCursor } from '../database/queryHelpers';
import { toDate } from '../database/time';
import { DEPLOYMENT_STATUSES } from './deploymentMeasures';
import { attachEvidenceIds } from './releaseEvidence';
import {
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  rowToRelease,
} from './releaseRows';

/**
 * The entity's releases that match the filter, newest first; with a
 * `limit`, at most that many after the `cursor`, and the cursor of the
 * next page when there is one.
 */
export async function listReleases(options: {
  db: Knex;
  entityRef: string;
  filter?: ReleaseFilter;
  limit?: number;
  cursor?: string;
  /** Reads requests past their deadline as `expired` (see rowToRelease). */
  now?: Date;
}): Promise<ReleasePage> {
  const { db, entityRef, filter = {}, limit, cursor, now } = options;
  const scoped = () => {
    const query = db<ReleaseRow>(TABLE).where({ entity_ref: entityRef });
    if (filter.environment) {
      query.andWhere({ environment: filter.environment });
    }
    if (filter.status?.length) {
      whereStatus(query, filter.status, now);
    }
    if (filter.since) {
      query.andWhere('created_at', '>=', new Date(filter.since));
    }
    return query;
  };
  const query = scoped().orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
  if (cursor) {
    afterCursor(query, 'created_at', cursor);
  }
  if (limit !== undefined) {
    query.limit(limit + 1);
  }
  const rows: ReleaseRow[] = await query;
  const page = limit === undefined ? rows : rows.slice(0, limit);
  const items = await attachEvidenceIds({
    db,
    releases: page.map(row => rowToRelease(row, now)),
    // Evidence ids for exactly these releases: a page's ids, or the
    // filtered query when it is all of them.
    scope:
      limit === undefined
        ? { entityRef, query: column => scoped().select(column) }
        : undefined,
  });
  const last = page.at(-1);
  return {
    items,
    ...(limit !== undefined && rows.length > limit && last
      ? {
          nextCursor: encodeCursor({
            at: toDate(last.created_at),
            id: last.id,
          }),
        }
      : {}),
  };
}

/**
 * Restricts a query to releases in any of the statuses as rowToRelease
 * reads them at `now`: a stored `pending-approval` past its deadline is
 * `expired`, not pending.
 */
function whereStatus(
  query: Knex.QueryBuilder,
  statuses: ReleaseStatus[],
  now: Date | undefined,
): void {
  if (!now) {
    query.whereIn('status', statuses);
    return;
  }
  const stored = statuses.filter(s => s !== 'pending-approval');
  const pending = statuses.includes('pending-approval');
  const expired = statuses.includes('expired');
  query.where(inner => {
    if (stored.length) {
      inner.orWhereIn('status', stored);
    }
    if (pending !== expired) {
      inner.orWhere(lapse =>
        lapse
          .where({ status: 'pending-approval' })
          .andWhere('approval_expires_at', pending ? '>' : '<=', now),
      );
    } else if (pending) {
      inner.orWhere({ status: 'pending-approval' });
    }
  });
}

/** Finished deployments to one environment since a time, unordered. */
export async function listDeployments(options: {
  db: Knex;
  entityRef: string;
  environment: string;
  since: Date;
}): Promise<Array<Pick<Release, 'environment' | 'status' | 'createdAt'>>> {
  const { db, entityRef, environment, since } = options;
  const rows: Array<Pick<ReleaseRow, 'status' | 'created_at'>> = await db(TABLE)
    .where({ entity_ref: entityRef, environment })
    .whereIn('status', DEPLOYMENT_STATUSES)
    .andWhere('created_at', '>=', since)
    .select('status', 'created_at');
  return rows.map(row => ({
    environment,
    status: row.status as ReleaseStatus,
    createdAt: toDate(row.created_at).toISOString(),
  }));
}

/** Pending approvals past their deadline not handled yet, oldest first. */
export async function listLapsedApprovals(options: {
  db: Knex;
  now: Date;
  limit: number;
}): Promise<Release[]> {
  const { db, now, limit } = options;
  const rows: ReleaseRow[] = await db(TABLE)
    .where({ status: 'pending-approval' })
    .andWhere('approval_expires_at', '<=', now)
    .whereNull('approval_lapse_notified_at')
    .orderBy([
      { column: 'approval_expires_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(limit);
  return attachEvidenceIds({
    db,
    releases: rows.map(row => rowToRelease(row)),
  });
}
