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
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { toDate } from '../database/time';
import { DEPLOYMENT_STATUSES } from './deploymentMeasures';
import { attachEvidenceIds } from './releaseEvidence';
import {
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  rowToRelease,
} from './releaseRows';

/** The entity's releases that match the filter, newest first. */
export async function listReleases(options: {
  db: Knex;
  entityRef: string;
  filter?: ReleaseFilter;
}): Promise<Release[]> {
  const { db, entityRef, filter = {} } = options;
  const scoped = () => {
    const query = db<ReleaseRow>(TABLE).where({ entity_ref: entityRef });
    if (filter.environment) {
      query.andWhere({ environment: filter.environment });
    }
    if (filter.status?.length) {
      query.whereIn('status', filter.status);
    }
    if (filter.since) {
      query.andWhere('created_at', '>=', new Date(filter.since));
    }
    return query;
  };
  const rows = await scoped().orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]);
  return attachEvidenceIds({
    db,
    releases: rows.map(rowToRelease),
    scope: { entityRef, query: column => scoped().select(column) },
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
  return attachEvidenceIds({ db, releases: rows.map(rowToRelease) });
}
