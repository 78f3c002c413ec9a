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
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from '../database/auditLog';
import { AuditEntryInput } from '../database/EvidenceStore';
import { NewRelease, ReleaseStore } from './ReleaseStore';
import {
  HEADS_TABLE as HEADS,
  RELEASES_TABLE as TABLE,
  ReleaseRow,
  lockHead,
  rowToRelease,
  supersedeOthers,
} from './releaseRows';
import { findRollbackTarget } from './rollbackTarget';

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
    const row = await this.db<ReleaseRow>(TABLE)
      .where({ id: options.id })
      .first();
    return row ? rowToRelease(row) : undefined;
  }

  async listReleases(options: {
    entityRef: string;
    environment?: string;
  }): Promise<Release[]> {
    const query = this.db<ReleaseRow>(TABLE).where({
      entity_ref: options.entityRef,
    });
    if (options.environment) {
      query.andWhere({ environment: options.environment });
    }
    const rows = await query.orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    return rows.map(rowToRelease);
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
  }): Promise<Release> {
    const { release, audit } = options;
    const now = release.createdAt;
    return this.db.transaction(async tx => {
      const activates =
        release.status === 'deploying' || release.status === 'succeeded';
      if (activates) {
        await this.takeHead({ tx, release, now });
      }
      await tx(TABLE).insert({
        id: release.id,
        entity_ref: release.entityRef,
        environment: release.environment,
        artifact_name: release.artifact.name,
        artifact_version: release.artifact.version ?? null,
        digest: release.artifact.digest,
        status: release.status,
        migration_status: release.migrationStatus,
        actor: release.actor,
        reason: release.reason ?? null,
        work_item: release.workItem ?? null,
        created_at: now,
        updated_at: now,
        succeeded_at: release.status === 'succeeded' ? now : null,
        approval_expires_at: release.approvalExpiresAt ?? null,
        rollback_of: release.rollbackOf ?? null,
      });
      if (release.status === 'succeeded') {
        await supersedeOthers({ tx, release, now });
      }
      await appendAuditEntry({ tx, entry: audit, now });
      return rowToRelease(await tx(TABLE).where({ id: release.id }).first());
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
      const row: ReleaseRow = await tx(TABLE).where({ id }).first();
      const release = rowToRelease(row);
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
      return release;
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
      await this.takeHead({ tx, release: rowToRelease(row), now });
      const updated = await tx(TABLE)
        .where({ id, status: 'pending-approval' })
        .update({
          status: 'deploying',
          approved_by: options.approvedBy,
          updated_at: now,
        });
      if (updated !== 1) {
        throw new ConflictError(`Release ${id} was decided in the meantime`);
      }
      await appendAuditEntry({ tx, entry: options.audit, now });
      return rowToRelease(await tx(TABLE).where({ id }).first());
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
    const { entityRef, environment, now } = options;
    return this.db.transaction(async tx => {
      const head = await lockHead({ tx, entityRef, environment });
      const rows: ReleaseRow[] = await tx(TABLE).where({
        entity_ref: entityRef,
        environment,
      });
      const history = rows.map(rowToRelease);
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
      await tx(HEADS)
        .where({ entity_ref: entityRef, environment })
        .update({ release_id: options.id, previous_release_id: null });
      await appendAuditEntry({
        tx,
        entry: options.audit(target, current),
        now,
      });
      const release = rowToRelease(
        await tx(TABLE).where({ id: options.id }).first(),
      );
      return { release, rolledBack: { ...current, status: 'rolled-back' } };
    });
  }

  /**
   * Makes the release the environment's active one, under the head's
   * lock; refused while another release there is still deploying.
   */
  private async takeHead(options: {
    tx: Knex.Transaction;
    release: Pick<Release, 'id' | 'entityRef' | 'environment'>;
    now: Date;
  }): Promise<void> {
    const { tx, release } = options;
    const { entityRef, environment } = release;
    const head = await lockHead({ tx, entityRef, environment });
    if (head.release_id) {
      const active: Pick<ReleaseRow, 'status' | 'digest'> | undefined =
        await tx(TABLE)
          .where({ id: head.release_id })
          .first('status', 'digest');
      if (active?.status === 'deploying') {
        throw new ConflictError(
          `Release ${head.release_id} (${active.digest}) is still deploying to ${environment}; mark it succeeded or failed first`,
        );
      }
    }
    await tx(HEADS).where({ entity_ref: entityRef, environment }).update({
      release_id: release.id,
      previous_release_id: head.release_id,
    });
  }
}
