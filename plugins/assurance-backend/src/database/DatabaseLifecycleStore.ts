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

import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  EvidenceFormat,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from './auditLog';
import { AuditEntryInput } from './EvidenceStore';
import { EvidenceRow, RECORD_COLUMNS, rowToRecord } from './rows';
import { toDate } from './time';

const BATCH = 500;

/**
 * The evidence lifecycle: deletion, retention, purging entities that left
 * the catalog, and export. Every deletion is audited in its transaction.
 */
export class DatabaseLifecycleStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseLifecycleStore> {
    return new DatabaseLifecycleStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  /** Deletes one record and its bytes; false when there was none. */
  async deleteEvidence(options: {
    id: string;
    audit: AuditEntryInput;
    now: Date;
  }): Promise<boolean> {
    return this.db.transaction(async tx => {
      const deleted = await deleteRows({ tx, ids: [options.id] });
      if (deleted > 0) {
        await appendAuditEntry({ tx, entry: options.audit, now: options.now });
      }
      return deleted > 0;
    });
  }

  /**
   * Deletes evidence of a format uploaded before `before`, except the
   * newest execution of that format per entity, which a gate may still
   * depend on. Returns how many records were deleted.
   */
  async applyRetention(options: {
    format: EvidenceFormat;
    before: Date;
    now: Date;
  }): Promise<number> {
    const { format, before, now } = options;
    const entities: string[] = (
      await this.db('assurance_evidence')
        .where({ format })
        .andWhere('uploaded_at', '<', before)
        .distinct('entity_ref')
    ).map(row => row.entity_ref);

    let total = 0;
    for (const entityRef of entities) {
      total += await this.db.transaction(async tx => {
        const newest: EvidenceRow | undefined = await tx('assurance_evidence')
          .where({ entity_ref: entityRef, format })
          .select(RECORD_COLUMNS)
          .orderBy([
            { column: 'uploaded_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .first();
        const expired = tx('assurance_evidence')
          .where({ entity_ref: entityRef, format })
          .andWhere('uploaded_at', '<', before);
        if (newest) {
          expired.whereNot('id', newest.id);
          if (newest.execution_key) {
            expired.whereNot('execution_key', newest.execution_key);
          }
        }
        const ids: string[] = (await expired.select('id')).map(r => r.id);
        const deleted = await deleteRows({ tx, ids });
        if (deleted > 0) {
          await appendAuditEntry({
            tx,
            now,
            entry: {
              actor: 'system:retention',
              action: 'evidence.expire',
              entityRef,
              details: { format, deleted, before: before.toISOString() },
            },
          });
        }
        return deleted;
      });
    }
    return total;
  }

  /** The entities that have evidence. */
  async listEntityRefs(): Promise<string[]> {
    const rows = await this.db('assurance_evidence').distinct('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /**
   * Notes which entities the catalog no longer has (from `now` unless
   * already noted) and forgets those it has again. Returns when each
   * missing entity was first missed.
   */
  async trackMissing(options: {
    missing: string[];
    present: string[];
    now: Date;
  }): Promise<Map<string, Date>> {
    const { missing, present, now } = options;
    await this.db.transaction(async tx => {
      for (const chunk of chunks(present)) {
        await tx('assurance_entity_presence')
          .whereIn('entity_ref', chunk)
          .delete();
      }
      for (const entityRef of missing) {
        await tx('assurance_entity_presence')
          .insert({ entity_ref: entityRef, missing_since: now })
          .onConflict('entity_ref')
          .ignore();
      }
    });
    const rows = await this.db('assurance_entity_presence').select();
    return new Map(
      rows.map(row => [row.entity_ref, toDate(row.missing_since)]),
    );
  }

  /** Deletes all evidence of an entity the catalog has dropped. */
  async purgeEntity(options: {
    entityRef: string;
    now: Date;
    graceDays: number;
  }): Promise<number> {
    const { entityRef, now } = options;
    return this.db.transaction(async tx => {
      const ids: string[] = (
        await tx('assurance_evidence')
          .where({ entity_ref: entityRef })
          .select('id')
      ).map(row => row.id);
      const deleted = await deleteRows({ tx, ids });
      await tx('assurance_artifacts').where({ entity_ref: entityRef }).delete();
      await tx('assurance_entity_presence')
        .where({ entity_ref: entityRef })
        .delete();
      await appendAuditEntry({
        tx,
        now,
        entry: {
          actor: 'system:retention',
          action: 'entity.purge',
          entityRef,
          details: { deleted, graceDays: options.graceDays },
        },
      });
      return deleted;
    });
  }

  /** Every record of an entity with its bytes, oldest first, one at a time. */
  async *exportEvidence(options: {
    entityRef: string;
  }): AsyncGenerator<{ record: EvidenceRecord; content?: Buffer }> {
    const rows: EvidenceRow[] = await this.db('assurance_evidence')
      .where({ entity_ref: options.entityRef })
      .select(RECORD_COLUMNS)
      .orderBy([
        { column: 'uploaded_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    for (const row of rows) {
      const stored = await this.db('assurance_evidence_content')
        .where({ evidence_id: row.id })
        .first('content');
      yield {
        record: rowToRecord(row),
        ...(stored ? { content: Buffer.from(stored.content) } : {}),
      };
    }
  }
}

/**
 * Deletes records with their bytes and their artifact and release links.
 * Foreign-key cascades are not relied on: SQLite enforces them only when
 * asked to.
 */
async function deleteRows(options: {
  tx: Knex.Transaction;
  ids: string[];
}): Promise<number> {
  let deleted = 0;
  for (const chunk of chunks(options.ids)) {
    await options
      .tx('assurance_artifact_evidence')
      .whereIn('evidence_id', chunk)
      .delete();
    await options
      .tx('assurance_release_evidence')
      .whereIn('evidence_id', chunk)
      .delete();
    await options
      .tx('assurance_evidence_content')
      .whereIn('evidence_id', chunk)
      .delete();
    deleted += await options
      .tx('assurance_evidence')
      .whereIn('id', chunk)
      .delete();
  }
  return deleted;
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    result.push(items.slice(i, i + BATCH));
  }
  return result;
}
