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
  MigrationStatus,
  Release,
  ReleaseFilter,
  ReleasePage,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from '../database/auditLog';
import { AuditEntryInput } from '../database/EvidenceStore';
import { NewRelease, ReleaseStore } from './ReleaseStore';
import { finishRelease, recordRelease } from './recordRelease';
import {
  listDeployments,
  listLapsedApprovals,
  listReleases,
} from './releaseQueries';
import {
  attachEvidenceIds,
  findUnknownEvidence,
  linkReleaseEvidence,
} from './releaseEvidence';
import {
  HEADS_TABLE as HEADS,
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  rowToRelease,
} from './releaseRows';
import { rollbackRelease } from './rollbackRelease';
import { approvePending, claimLapse, rejectPending } from './releaseApprovals';

/**
 * Stores releases in the plugin's database. The tables come from the
 * plugin's migrations, which DatabaseEvidenceStore runs.
 */
export class DatabaseReleaseStore implements ReleaseStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReleaseStore> {
    return new DatabaseReleaseStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  async getRelease(options: {
    id: string;
    now?: Date;
  }): Promise<Release | undefined> {
    return this.read(this.db, options.id, options.now);
  }

  async listReleases(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    now?: Date;
  }): Promise<Release[]> {
    return (await listReleases({ db: this.db, ...options })).items;
  }

  async listReleasePage(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    limit: number;
    cursor?: string;
    now?: Date;
  }): Promise<ReleasePage> {
    return listReleases({ db: this.db, ...options });
  }

  async listDeployments(options: {
    entityRef: string;
    environment: string;
    since: Date;
  }): Promise<Array<Pick<Release, 'environment' | 'status' | 'createdAt'>>> {
    return listDeployments({ db: this.db, ...options });
  }

  async findUnknownEvidence(options: {
    entityRef: string;
    ids: string[];
  }): Promise<string[]> {
    return findUnknownEvidence({ db: this.db, ...options });
  }

  async listActive(options: {
    entityRef: string;
  }): Promise<Record<string, string>> {
    const rows = await this.db(HEADS)
      .where({ entity_ref: options.entityRef })
      .whereNotNull('release_id')
      .select('environment', 'release_id');
    return Object.fromEntries(rows.map(r => [r.environment, r.release_id]));
  }

  async hasSucceeded(options: {
    entityRef: string;
    environment: string;
    digest: string;
  }): Promise<boolean> {
    const row = await this.db(TABLE)
      .where({
        entity_ref: options.entityRef,
        environment: options.environment,
        digest: options.digest,
      })
      .whereIn('status', ['succeeded', 'superseded'])
      .first('id');
    return Boolean(row);
  }

  async createRelease(options: {
    release: NewRelease;
    audit: AuditEntryInput;
    now?: Date;
  }): Promise<Release> {
    const { release, audit } = options;
    const now = options.now ?? release.createdAt;
    return this.db.transaction(async tx => {
      const status = await recordRelease({ tx, release, now });
      await linkReleaseEvidence({
        tx,
        release,
        evidenceIds: release.evidenceIds ?? [],
      });
      await appendAuditEntry({
        tx,
        entry:
          status === release.status
            ? audit
            : { ...audit, details: { ...audit.details, storedAs: status } },
        now,
      });
      return (await this.read(tx, release.id))!;
    });
  }

  async updateRelease(options: {
    id: string;
    status?: 'succeeded' | 'failed';
    migrationStatus?: MigrationStatus;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined> {
    return this.change(options, tx => finishRelease({ tx, ...options }));
  }

  async rejectRelease(options: {
    id: string;
    rejectedBy: string;
    status: 'rejected' | 'withdrawn';
    reason: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined> {
    return this.change(options, tx => rejectPending({ tx, ...options }));
  }

  async approveRelease(options: {
    id: string;
    approvedBy: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined> {
    return this.change(options, tx => approvePending({ tx, ...options }));
  }

  async rollback(options: {
    id: string;
    entityRef: string;
    environment: string;
    actor: string;
    reason: string;
    now: Date;
    audit: (target: Release, current: Release) => AuditEntryInput;
  }): Promise<{ release: Release; rolledBack: Release } | undefined> {
    return this.db.transaction(async tx => {
      const result = await rollbackRelease({ tx, ...options });
      if (!result) {
        return undefined;
      }
      await appendAuditEntry({
        tx,
        entry: options.audit(result.target, result.rolledBack),
        now: options.now,
      });
      const [release, rolledBack] = await attachEvidenceIds({
        db: tx,
        releases: [result.release, result.rolledBack],
      });
      return { release, rolledBack };
    });
  }

  async listLapsedApprovals(options: {
    now: Date;
    limit: number;
  }): Promise<Release[]> {
    return listLapsedApprovals({ db: this.db, ...options });
  }

  async markApprovalLapsed(options: {
    id: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<boolean> {
    const marked = await this.change(options, tx =>
      claimLapse({ tx, ...options }),
    );
    return marked !== undefined;
  }

  /**
   * Runs one change of a release in a transaction and, when it took
   * effect, audits it and answers the release as it is now.
   */
  private async change(
    options: { id: string; now: Date; audit: AuditEntryInput },
    step: (tx: Knex.Transaction) => Promise<boolean>,
  ): Promise<Release | undefined> {
    const { id, now, audit } = options;
    return this.db.transaction(async tx => {
      if (!(await step(tx))) {
        return undefined;
      }
      await appendAuditEntry({ tx, entry: audit, now });
      return this.read(tx, id, now);
    });
  }

  private async read(
    db: Knex | Knex.Transaction,
    id: string,
    now?: Date,
  ): Promise<Release | undefined> {
    const row: ReleaseRow | undefined = await db(TABLE).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [release] = await attachEvidenceIds({
      db,
      releases: [rowToRelease(row, now)],
    });
    return release;
  }
}
