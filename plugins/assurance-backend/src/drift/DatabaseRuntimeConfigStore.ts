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
import { RuntimeConfigReport } from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from '../database/auditLog';
import { AuditEntryInput } from '../database/EvidenceStore';
import { toDate } from '../database/time';
import { ConfigDifference } from './compareConfig';

const TABLE = 'assurance_runtime_config';

/** A report to store. */
export interface NewRuntimeConfigReport extends RuntimeConfigReport {
  document: Record<string, unknown>;
  /** How it compared with the expected config when reported. */
  inSync: boolean;
  differences: ConfigDifference[];
}

/** A stored report with the document it carried. */
export interface StoredRuntimeConfigReport {
  report: RuntimeConfigReport;
  document: Record<string, unknown>;
  /** Whether it matched the expected config when reported. */
  inSync: boolean;
}

interface ReportRow {
  id: string;
  entity_ref: string;
  environment: string;
  version: string;
  reported_by: string;
  reported_at: Date | string | number;
}

const REPORT_COLUMNS = [
  'id',
  'entity_ref',
  'environment',
  'version',
  'reported_by',
  'reported_at',
];

const NEWEST_FIRST: Array<{ column: string; order: 'asc' | 'desc' }> = [
  { column: 'reported_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

/**
 * Keeps the runtime config reports of environments. The table comes from
 * the plugin's migrations, which DatabaseEvidenceStore runs.
 */
export class DatabaseRuntimeConfigStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRuntimeConfigStore> {
    return new DatabaseRuntimeConfigStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  /** Stores a report and its audit entry in one transaction. */
  async insertReport(options: {
    report: NewRuntimeConfigReport;
    audit: AuditEntryInput;
  }): Promise<RuntimeConfigReport> {
    const { report, audit } = options;
    const reportedAt = new Date(report.reportedAt);
    await this.db.transaction(async tx => {
      await tx(TABLE).insert({
        id: report.id,
        entity_ref: report.entityRef,
        environment: report.environment,
        version: report.version,
        document: JSON.stringify(report.document),
        reported_by: report.reportedBy,
        reported_at: reportedAt,
        in_sync: report.inSync,
        differences: JSON.stringify(report.differences),
      });
      await appendAuditEntry({ tx, entry: audit, now: reportedAt });
    });
    return {
      id: report.id,
      entityRef: report.entityRef,
      environment: report.environment,
      version: report.version,
      reportedBy: report.reportedBy,
      reportedAt: reportedAt.toISOString(),
    };
  }

  /** The newest report of the environment, with its document. */
  async getLatest(options: {
    entityRef: string;
    environment: string;
  }): Promise<StoredRuntimeConfigReport | undefined> {
    const row:
      | (ReportRow & { document: string; in_sync: boolean | number })
      | undefined = await this.db(TABLE)
      .where({
        entity_ref: options.entityRef,
        environment: options.environment,
      })
      .select([...REPORT_COLUMNS, 'document', 'in_sync'])
      .orderBy(NEWEST_FIRST)
      .first();
    return row
      ? {
          report: rowToReport(row),
          document: JSON.parse(row.document),
          // SQLite and MySQL return booleans as 0 and 1.
          inSync: Boolean(row.in_sync),
        }
      : undefined;
  }

  /** The newest report that matched the expected config when reported. */
  async getLastInSync(options: {
    entityRef: string;
    environment: string;
  }): Promise<RuntimeConfigReport | undefined> {
    const row: ReportRow | undefined = await this.db(TABLE)
      .where({
        entity_ref: options.entityRef,
        environment: options.environment,
        in_sync: true,
      })
      .select(REPORT_COLUMNS)
      .orderBy(NEWEST_FIRST)
      .first();
    return row ? rowToReport(row) : undefined;
  }
}

function rowToReport(row: ReportRow): RuntimeConfigReport {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    reportedBy: row.reported_by,
    reportedAt: toDate(row.reported_at).toISOString(),
  };
}
