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

/** Evidence a release was recorded with. */
export const RELEASE_EVIDENCE_TABLE = 'assurance_release_evidence';

/**
 * Which releases to read the evidence of: a query of them, selecting
 * the column asked for, so that a listing needs two queries whatever its
 * length.
 */
export interface ReleaseScope {
  entityRef: string;
  query: (column: 'id' | 'digest') => Knex.QueryBuilder;
}

/** The ids among `ids` that are not evidence of the entity. */
export async function findUnknownEvidence(options: {
  db: Knex | Knex.Transaction;
  entityRef: string;
  ids: string[];
}): Promise<string[]> {
  const { db, entityRef, ids } = options;
  if (ids.length === 0) {
    return [];
  }
  const known = new Set<string>(
    await db('assurance_evidence')
      .where({ entity_ref: entityRef })
      .whereIn('id', ids)
      .pluck('id'),
  );
  return ids.filter(id => !known.has(id));
}

/** Stores the evidence a release was recorded with, in order. */
export async function linkReleaseEvidence(options: {
  tx: Knex.Transaction;
  release: Pick<Release, 'id' | 'entityRef'>;
  evidenceIds: string[];
}): Promise<void> {
  const { tx, release, evidenceIds } = options;
  if (evidenceIds.length === 0) {
    return;
  }
  await tx(RELEASE_EVIDENCE_TABLE).insert(
    evidenceIds.map((evidenceId, position) => ({
      release_id: release.id,
      entity_ref: release.entityRef,
      evidence_id: evidenceId,
      position,
    })),
  );
}

/**
 * Fills in `evidenceIds` of each release: the evidence it was recorded
 * with, in the order given, then the entity's evidence that names its
 * digest, newest first. Evidence that retention deleted is left out. Two
 * queries, by id or by `scope` for a listing.
 */
export async function attachEvidenceIds(options: {
  db: Knex | Knex.Transaction;
  releases: Release[];
  scope?: ReleaseScope;
}): Promise<Release[]> {
  const { db, releases, scope } = options;
  if (releases.length === 0) {
    return releases;
  }
  const explicit: Array<{ release_id: string; evidence_id: string }> = await db(
    `${RELEASE_EVIDENCE_TABLE} as r`,
  )
    .join('assurance_evidence as e', 'e.id', 'r.evidence_id')
    .modify(query => {
      if (scope) {
        query.whereIn('r.release_id', scope.query('id'));
      } else {
        query.whereIn(
          'r.release_id',
          releases.map(r => r.id),
        );
      }
    })
    .orderBy([
      { column: 'r.release_id', order: 'asc' },
      { column: 'r.position', order: 'asc' },
    ])
    .select('r.release_id', 'r.evidence_id');

  const named: Array<{ entity_ref: string; digest: string; id: string }> =
    await db('assurance_artifact_evidence as l')
      .join('assurance_evidence as e', 'e.id', 'l.evidence_id')
      .modify(query => {
        if (scope) {
          query
            .where('l.entity_ref', scope.entityRef)
            .whereIn('l.digest', scope.query('digest'));
        } else {
          const pairs = new Map(
            releases.map(r => [
              `${r.entityRef}\n${r.artifact.digest}`,
              [r.entityRef, r.artifact.digest],
            ]),
          );
          query.whereIn(['l.entity_ref', 'l.digest'], [...pairs.values()]);
        }
      })
      .orderBy([
        { column: 'e.uploaded_at', order: 'desc' },
        { column: 'e.id', order: 'desc' },
      ])
      .select('l.entity_ref', 'l.digest', 'e.id');

  const byRelease = groupBy(explicit, row => row.release_id);
  const byDigest = groupBy(named, row => `${row.entity_ref}\n${row.digest}`);
  return releases.map(release => {
    const ids = [
      ...(byRelease.get(release.id) ?? []).map(row => row.evidence_id),
      ...(
        byDigest.get(`${release.entityRef}\n${release.artifact.digest}`) ?? []
      ).map(row => row.id),
    ];
    return { ...release, evidenceIds: [...new Set(ids)] };
  });
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) {
      group.push(row);
    } else {
      groups.set(key, [row]);
    }
  }
  return groups;
}
