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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  Artifact,
  EvidenceFilter,
  EvidenceFormat,
  EvidencePage,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from './auditLog';
import { AuditEntryInput, EvidenceStore, NewEvidence } from './EvidenceStore';
import { EvidenceRow, RECORD_COLUMNS, rowToRecord } from './rows';
import { linkArtifacts, listArtifacts, listLinkedEvidence } from './artifacts';
import { toDate } from './time';
import { afterCursor, encodeCursor, isUniqueViolation } from './queryHelpers';

const migrationsDir = resolvePackagePath(
  '@real-app-forever/plugin-assurance-backend',
  'migrations',
);

/**
 * Stores evidence in the plugin's database (SQLite, PostgreSQL or MySQL).
 */
export class DatabaseEvidenceStore implements EvidenceStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEvidenceStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseEvidenceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insertEvidence(options: {
    evidence: NewEvidence;
    audit: AuditEntryInput;
  }): Promise<{ record: EvidenceRecord; created: boolean }> {
    const { evidence, audit } = options;
    const key = {
      entity_ref: evidence.entityRef,
      execution_key: evidence.executionId ?? '',
      sha256: evidence.sha256,
    };

    try {
      return await this.db.transaction(async tx => {
        const existing: EvidenceRow | undefined = await tx('assurance_evidence')
          .where(key)
          .select(RECORD_COLUMNS)
          .first();
        if (existing) {
          return { record: rowToRecord(existing), created: false };
        }

        await tx('assurance_evidence').insert({
          ...key,
          id: evidence.id,
          format: evidence.format,
          file_name: evidence.fileName,
          size: evidence.size,
          work_item: evidence.workItem ?? null,
          artifact: evidence.artifact ?? null,
          version: evidence.version ?? null,
          digest: evidence.digest ?? null,
          release_id: evidence.releaseId ?? null,
          commit_sha: evidence.commit ?? null,
          pipeline_url: evidence.pipelineUrl ?? null,
          gate: evidence.gate ?? null,
          uploaded_by: evidence.uploadedBy,
          uploaded_at: evidence.uploadedAt,
          summary: JSON.stringify(evidence.summary),
          storage: evidence.content ? 'content' : 'link',
          url: evidence.url ?? null,
          redacted: evidence.redacted ?? false,
        });
        if (evidence.content) {
          await tx('assurance_evidence_content').insert({
            evidence_id: evidence.id,
            content: evidence.content,
          });
        }
        await linkArtifacts({
          tx,
          entityRef: evidence.entityRef,
          evidenceId: evidence.id,
          seenAt: evidence.uploadedAt,
          artifacts: evidence.artifacts ?? [],
        });
        await appendAuditEntry({ tx, entry: audit, now: evidence.uploadedAt });

        const stored: EvidenceRow = await tx('assurance_evidence')
          .where({ id: evidence.id })
          .select(RECORD_COLUMNS)
          .first();
        return { record: rowToRecord(stored), created: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      // A concurrent upload of the same file won the race on the unique
      // key; that upload's record is the answer.
      const winner: EvidenceRow | undefined = await this.db(
        'assurance_evidence',
      )
        .where(key)
        .select(RECORD_COLUMNS)
        .first();
      if (winner) {
        return { record: rowToRecord(winner), created: false };
      }
      throw error;
    }
  }

  async getEvidence(options: {
    id: string;
  }): Promise<EvidenceRecord | undefined> {
    const row: EvidenceRow | undefined = await this.db('assurance_evidence')
      .where({ id: options.id })
      .select(RECORD_COLUMNS)
      .first();
    return row ? rowToRecord(row) : undefined;
  }

  async getEvidenceContent(options: {
    id: string;
  }): Promise<{ record: EvidenceRecord; content: Buffer } | undefined> {
    const row = await this.db('assurance_evidence as e')
      .join('assurance_evidence_content as c', 'c.evidence_id', 'e.id')
      .where('e.id', options.id)
      .select([...RECORD_COLUMNS.map(column => `e.${column}`), 'c.content'])
      .first();
    if (!row) {
      return undefined;
    }
    return { record: rowToRecord(row), content: Buffer.from(row.content) };
  }

  async listEvidence(options: {
    entityRef: string;
    limit: number;
    cursor?: string;
    filter?: EvidenceFilter;
  }): Promise<EvidencePage> {
    const { filter = {} } = options;
    const query = this.db('assurance_evidence')
      .where({ entity_ref: options.entityRef })
      .select(RECORD_COLUMNS)
      .orderBy([
        { column: 'uploaded_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit + 1);

    const columns: Array<[keyof EvidenceFilter, string]> = [
      ['format', 'format'],
      ['executionId', 'execution_key'],
      ['releaseId', 'release_id'],
      ['workItem', 'work_item'],
    ];
    for (const [key, column] of columns) {
      if (filter[key]) {
        query.where(column, filter[key]);
      }
    }
    // An artifact is named by the upload's fields or by a provenance
    // subject; both are in the artifact links.
    if (filter.digest) {
      const digest = filter.digest.toLocaleLowerCase('en-US');
      query.whereIn(
        'id',
        this.db('assurance_artifact_evidence')
          .where({ entity_ref: options.entityRef, digest })
          .select('evidence_id'),
      );
    }
    if (filter.artifact) {
      const { artifact } = filter;
      query.where(inner =>
        inner.where('artifact', artifact).orWhereIn(
          'id',
          this.db('assurance_artifact_evidence as l')
            .join('assurance_artifacts as a', join =>
              join
                .on('a.entity_ref', 'l.entity_ref')
                .andOn('a.digest', 'l.digest'),
            )
            .where({ 'l.entity_ref': options.entityRef, 'a.name': artifact })
            .select('l.evidence_id'),
        ),
      );
    }

    if (options.cursor) {
      afterCursor(query, 'uploaded_at', options.cursor);
    }

    const rows: EvidenceRow[] = await query;
    const items = rows.slice(0, options.limit).map(rowToRecord);
    const hasMore = rows.length > options.limit;
    const last = rows[options.limit - 1];
    return {
      items,
      ...(hasMore && last
        ? {
            nextCursor: encodeCursor({
              at: toDate(last.uploaded_at),
              id: last.id,
            }),
          }
        : {}),
    };
  }

  async listArtifacts(options: { entityRef: string }): Promise<Artifact[]> {
    return listArtifacts({ db: this.db, entityRef: options.entityRef });
  }

  async listEvidenceForDigest(options: {
    entityRef: string;
    digest: string;
    formats: EvidenceFormat[];
  }): Promise<EvidenceRecord[]> {
    return listLinkedEvidence({ db: this.db, ...options });
  }

  async listLatestExecutionEvidence(options: {
    entityRef: string;
    formats: EvidenceFormat[];
  }): Promise<EvidenceRecord[]> {
    const records: EvidenceRecord[] = [];
    for (const format of options.formats) {
      const newest: EvidenceRow | undefined = await this.db(
        'assurance_evidence',
      )
        .where({ entity_ref: options.entityRef, format })
        .select(RECORD_COLUMNS)
        .orderBy([
          { column: 'uploaded_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first();
      if (!newest) {
        continue;
      }
      if (!newest.execution_key) {
        records.push(rowToRecord(newest));
        continue;
      }
      const sameExecution: EvidenceRow[] = await this.db('assurance_evidence')
        .where({
          entity_ref: options.entityRef,
          format,
          execution_key: newest.execution_key,
        })
        .select(RECORD_COLUMNS)
        .orderBy('uploaded_at', 'desc');
      records.push(...sameExecution.map(rowToRecord));
    }
    return records;
  }
}
