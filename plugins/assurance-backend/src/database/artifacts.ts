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
  Artifact,
  EvidenceFormat,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { ArtifactReference } from './EvidenceStore';
import { EvidenceRow, RECORD_COLUMNS, rowToRecord } from './rows';
import { toDate } from './time';

/**
 * Records, inside the caller's transaction, that a piece of evidence names
 * these artifacts; creates the artifacts it sees first.
 */
export async function linkArtifacts(options: {
  tx: Knex.Transaction;
  entityRef: string;
  evidenceId: string;
  seenAt: Date;
  artifacts: ArtifactReference[];
}): Promise<void> {
  const { tx, entityRef, evidenceId, seenAt } = options;
  const byDigest = new Map<string, ArtifactReference>();
  for (const artifact of options.artifacts) {
    const digest = artifact.digest.toLocaleLowerCase('en-US');
    // A declared digest carries the name and version the pipeline gave.
    if (!byDigest.has(digest) || artifact.relation === 'declared') {
      byDigest.set(digest, { ...artifact, digest });
    }
  }

  for (const artifact of byDigest.values()) {
    const key = { entity_ref: entityRef, digest: artifact.digest };
    const existing = await tx('assurance_artifacts').where(key).first();
    if (existing) {
      await tx('assurance_artifacts')
        .where(key)
        .update({
          last_seen_at: seenAt,
          name: existing.name ?? artifact.name ?? null,
          version: existing.version ?? artifact.version ?? null,
        });
    } else {
      await tx('assurance_artifacts').insert({
        ...key,
        name: artifact.name ?? null,
        version: artifact.version ?? null,
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      });
    }
    await tx('assurance_artifact_evidence').insert({
      ...key,
      evidence_id: evidenceId,
      relation: artifact.relation,
    });
  }
}

/** The entity's artifacts with how much evidence names each, newest first. */
export async function listArtifacts(options: {
  db: Knex;
  entityRef: string;
}): Promise<Artifact[]> {
  const rows: Array<{
    entity_ref: string;
    digest: string;
    name: string | null;
    version: string | null;
    first_seen_at: Date | string | number;
    last_seen_at: Date | string | number;
    evidence_count: string | number;
  }> = (await options
    .db('assurance_artifacts as a')
    .leftJoin('assurance_artifact_evidence as l', join =>
      join.on('l.entity_ref', 'a.entity_ref').andOn('l.digest', 'a.digest'),
    )
    .where('a.entity_ref', options.entityRef)
    .groupBy(
      'a.entity_ref',
      'a.digest',
      'a.name',
      'a.version',
      'a.first_seen_at',
      'a.last_seen_at',
    )
    .select(
      'a.entity_ref',
      'a.digest',
      'a.name',
      'a.version',
      'a.first_seen_at',
      'a.last_seen_at',
    )
    .count({ evidence_count: 'l.evidence_id' })
    .orderBy('a.last_seen_at', 'desc')) as any;

  return rows.map(row => ({
    entityRef: row.entity_ref,
    digest: row.digest,
    ...(row.name ? { name: row.name } : {}),
    ...(row.version ? { version: row.version } : {}),
    evidenceCount: Number(row.evidence_count),
    firstSeenAt: toDate(row.first_seen_at).toISOString(),
    lastSeenAt: toDate(row.last_seen_at).toISOString(),
  }));
}

/**
 * The most evidence the gates of one artifact read. A build uploads a few
 * dozen files; more means re-uploads, of which the newest count.
 */
const MAX_LINKED_EVIDENCE = 1000;

/**
 * The entity's evidence of these formats linked to the artifact, newest
 * first.
 */
export async function listLinkedEvidence(options: {
  db: Knex;
  entityRef: string;
  digest: string;
  formats: EvidenceFormat[];
}): Promise<EvidenceRecord[]> {
  if (options.formats.length === 0) {
    return [];
  }
  const rows: EvidenceRow[] = await options
    .db('assurance_evidence as e')
    .join('assurance_artifact_evidence as l', 'l.evidence_id', 'e.id')
    .where('l.entity_ref', options.entityRef)
    .andWhere('l.digest', options.digest.toLocaleLowerCase('en-US'))
    .whereIn('e.format', options.formats)
    .select(RECORD_COLUMNS.map(column => `e.${column}`))
    .orderBy([
      { column: 'e.uploaded_at', order: 'desc' },
      { column: 'e.id', order: 'desc' },
    ])
    .limit(MAX_LINKED_EVIDENCE);
  return rows.map(rowToRecord);
}
