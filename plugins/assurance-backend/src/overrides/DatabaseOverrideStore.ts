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
  GateOverride,
  OverrideStatus,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from '../database/auditLog';
import { AuditEntryInput } from '../database/EvidenceStore';
import { toDate } from '../database/time';
import { NewOverride, OverrideNotice, OverrideStore } from './OverrideStore';

const TABLE = 'assurance_overrides';

/** A row of assurance_overrides, as knex reads it. */
interface OverrideRow {
  id: string;
  entity_ref: string;
  gate_id: string;
  digest: string | null;
  reason: string;
  requested_by: string;
  requested_at: Date | string | number;
  expires_at: Date | string | number;
  status: string;
  decided_by: string | null;
  decided_at: Date | string | number | null;
  decision_comment: string | null;
}

const COLUMNS = [
  'id',
  'entity_ref',
  'gate_id',
  'digest',
  'reason',
  'requested_by',
  'requested_at',
  'expires_at',
  'status',
  'decided_by',
  'decided_at',
  'decision_comment',
];

const NOTICE_COLUMNS: Record<OverrideNotice, string> = {
  'expiry-warning': 'expiry_warned_at',
  lapse: 'lapse_notified_at',
};

/**
 * Stores gate overrides in the plugin's database. The tables come from the
 * plugin's migrations, which DatabaseEvidenceStore runs.
 */
export class DatabaseOverrideStore implements OverrideStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseOverrideStore> {
    return new DatabaseOverrideStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  async listOverrides(options: {
    entityRef: string;
    now: Date;
  }): Promise<GateOverride[]> {
    const rows: OverrideRow[] = await this.db(TABLE)
      .where({ entity_ref: options.entityRef })
      .select(COLUMNS)
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(row => rowToOverride(row, options.now));
  }

  async getOverride(options: {
    id: string;
    now: Date;
  }): Promise<GateOverride | undefined> {
    const row: OverrideRow | undefined = await this.db(TABLE)
      .where({ id: options.id })
      .select(COLUMNS)
      .first();
    return row ? rowToOverride(row, options.now) : undefined;
  }

  async createOverride(options: {
    override: NewOverride;
    audit: AuditEntryInput;
  }): Promise<GateOverride> {
    const { override, audit } = options;
    return this.db.transaction(async tx => {
      await tx(TABLE).insert({
        id: override.id,
        entity_ref: override.entityRef,
        gate_id: override.gateId,
        digest: override.digest ?? null,
        reason: override.reason,
        requested_by: override.requestedBy,
        requested_at: override.requestedAt,
        expires_at: override.expiresAt,
        status: 'pending',
      });
      await appendAuditEntry({ tx, entry: audit, now: override.requestedAt });
      const row: OverrideRow = await tx(TABLE)
        .where({ id: override.id })
        .select(COLUMNS)
        .first();
      return rowToOverride(row, override.requestedAt);
    });
  }

  async decideOverride(options: {
    id: string;
    status: 'approved' | 'rejected';
    decidedBy: string;
    comment?: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<GateOverride | undefined> {
    const { id, now } = options;
    return this.db.transaction(async tx => {
      // The status guard makes the decision race-safe: of two concurrent
      // deciders, only one updates the row.
      const updated = await tx(TABLE)
        .where({ id, status: 'pending' })
        .andWhere('expires_at', '>', now)
        .update({
          status: options.status,
          decided_by: options.decidedBy,
          decided_at: now,
          decision_comment: options.comment ?? null,
        });
      if (updated !== 1) {
        return undefined;
      }
      await appendAuditEntry({ tx, entry: options.audit, now });
      const row: OverrideRow = await tx(TABLE)
        .where({ id })
        .select(COLUMNS)
        .first();
      return rowToOverride(row, now);
    });
  }

  async listPendingNotices(options: {
    now: Date;
    warnUntil: Date;
    limit: number;
  }): Promise<{ expiring: GateOverride[]; lapsed: GateOverride[] }> {
    const { now, warnUntil, limit } = options;
    const expiring: OverrideRow[] = await this.db(TABLE)
      .where({ status: 'approved' })
      .whereNull('expiry_warned_at')
      .andWhere('expires_at', '>', now)
      .andWhere('expires_at', '<=', warnUntil)
      .select(COLUMNS)
      .orderBy('expires_at', 'asc')
      .limit(limit);
    const lapsed: OverrideRow[] = await this.db(TABLE)
      .where({ status: 'approved' })
      .whereNull('lapse_notified_at')
      .andWhere('expires_at', '<=', now)
      .select(COLUMNS)
      .orderBy('expires_at', 'asc')
      .limit(limit);
    return {
      expiring: expiring.map(row => rowToOverride(row, now)),
      lapsed: lapsed.map(row => rowToOverride(row, now)),
    };
  }

  async markNoticeSent(options: {
    id: string;
    notice: OverrideNotice;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<boolean> {
    const column = NOTICE_COLUMNS[options.notice];
    return this.db.transaction(async tx => {
      const updated = await tx(TABLE)
        .where({ id: options.id })
        .whereNull(column)
        .update({ [column]: options.now });
      if (updated !== 1) {
        return false;
      }
      await appendAuditEntry({ tx, entry: options.audit, now: options.now });
      return true;
    });
  }
}

/**
 * Turns a row into the API's override. An approved or pending override
 * whose time is over is `expired`.
 */
function rowToOverride(row: OverrideRow, now: Date): GateOverride {
  const expiresAt = toDate(row.expires_at);
  const stored = row.status as OverrideStatus;
  const status: OverrideStatus =
    (stored === 'approved' || stored === 'pending') &&
    expiresAt.getTime() <= now.getTime()
      ? 'expired'
      : stored;
  return {
    id: row.id,
    entityRef: row.entity_ref,
    gateId: row.gate_id,
    ...(row.digest ? { digest: row.digest } : {}),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: toDate(row.requested_at).toISOString(),
    expiresAt: expiresAt.toISOString(),
    status,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at
      ? { decidedAt: toDate(row.decided_at).toISOString() }
      : {}),
    ...(row.decision_comment ? { decisionComment: row.decision_comment } : {}),
  };
}
