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
import { ConflictError } from '@backstage/errors';
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
import { recordRelease } from './recordRelease';
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
  lockHead,
  rowToRelease,
  supersedeOthers,
  takeHead,
} from './releaseRows';
import { rollbackRelease } from './rollbackRelease';

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

  async getRelease(options: { id: string }): Promise<Release | undefined> {
    return this.read(this.db, options.id);
  }

  async listReleases(options: {
    entityRef: string;
    filter?: ReleaseFilter;
  }): Promise<Release[]> {
    return (await listReleases({ db: this.db, ...options })).items;
  }

  async listReleasePage(options: {
    entityRef: string;
    filter?: ReleaseFilter;
    limit: number;
    cursor?: string;
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
    const { id, status, now } = options;
    return this.db.transaction(async tx => {
      const query = tx(TABLE).where({ id });
      if (status) {
        // The status guard makes the transition race-safe.
        query.andWhere({ status: 'deploying' });
      }
      const updated = await query.update({
        ...(status ? { status } : {}),
        ...(status === 'succeeded' ? { succeeded_at: now } : {}),
        ...(options.migrationStatus
          ? { migration_status: options.migrationStatus }
          : {}),
        updated_at: now,
      });
      if (updated !== 1) {
        return undefined;
      }
      const release = rowToRelease(await tx(TABLE).where({ id }).first());
      if (status === 'succeeded') {
        await supersedeOthers({ tx, release, now });
      } else if (status === 'failed') {
        // The release that ran before is what runs again.
        await tx(HEADS)
          .where({
            entity_ref: release.entityRef,
            environment: release.environment,
            release_id: id,
          })
          .update({
            release_id: tx.ref('previous_release_id'),
            previous_release_id: null,
          });
      }
      await appendAuditEntry({ tx, entry: options.audit, now });
      return this.read(tx, id);
    });
  }

  async rejectRelease(options: {
    id: string;
    rejectedBy: string;
    reason: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined> {
    const { id, now } = options;
    return this.db.transaction(async tx => {
      // The status and deadline guard make it race-safe against an
      // approval, another rejection and the lapse task.
      const updated = await tx(TABLE)
        .where({ id, status: 'pending-approval' })
        .andWhere('approval_expires_at', '>', now)
        .whereNull('rejected_by')
        .update({
          rejected_by: options.rejectedBy,
          rejection_reason: options.reason,
          approval_expires_at: now,
          approval_lapse_notified_at: now,
          updated_at: now,
        });
      if (updated !== 1) {
        return undefined;
      }
      await appendAuditEntry({ tx, entry: options.audit, now });
      return this.read(tx, id);
    });
  }

  async approveRelease(options: {
    id: string;
    approvedBy: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<Release | undefined> {
    const { id, now } = options;
    return this.db.transaction(async tx => {
      const row: ReleaseRow | undefined = await tx(TABLE)
        .where({ id, status: 'pending-approval' })
        .andWhere('approval_expires_at', '>', now)
        .first();
      if (!row) {
        return undefined;
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
      await appendAuditEntry({ tx, entry: options.audit, now });
      return this.read(tx, id);
    });
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
    const { id, now } = options;
    return this.db.transaction(async tx => {
      // The conditions make this the claim: of replicas racing, one
      // updates the row and the others find nothing left to update.
      const updated = await tx(TABLE)
        .where({ id, status: 'pending-approval' })
        .andWhere('approval_expires_at', '<=', now)
        .whereNull('approval_lapse_notified_at')
        .update({ approval_lapse_notified_at: now });
      if (updated !== 1) {
        return false;
      }
      await appendAuditEntry({ tx, entry: options.audit, now });
      return true;
    });
  }

  private async read(
    db: Knex | Knex.Transaction,
    id: string,
  ): Promise<Release | undefined> {
    const row: ReleaseRow | undefined = await db(TABLE).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [release] = await attachEvidenceIds({
      db,
      releases: [rowToRelease(row)],
    });
    return release;
  }
}
