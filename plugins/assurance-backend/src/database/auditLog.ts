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

import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { AuditEntryInput } from './EvidenceStore';
import { toDate } from './time';

/** The hash that the first entry of the chain points back to. */
const GENESIS_HASH = '0'.repeat(64);

/** An arbitrary constant that names the audit chain's advisory lock. */
const auditLockKey = 7_301_604;

/**
 * Appends an entry to the hash-chained audit log, inside the caller's
 * transaction so that the entry and the write it records land together.
 */
export async function appendAuditEntry(options: {
  tx: Knex.Transaction;
  entry: AuditEntryInput;
  now: Date;
}): Promise<void> {
  const { tx, entry, now } = options;

  // NOTE: two concurrent writers on PostgreSQL could otherwise both read the
  // same last hash and fork the chain. SQLite serialises writers already.
  if (tx.client.config.client === 'pg') {
    await tx.raw('SELECT pg_advisory_xact_lock(?)', [auditLockKey]);
  }

  const last = await tx('assurance_audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .first();
  const prevHash: string = last?.hash ?? GENESIS_HASH;

  const row = {
    occurred_at: now,
    actor: entry.actor,
    action: entry.action,
    entity_ref: entry.entityRef ?? null,
    subject_id: entry.subjectId ?? null,
    details: JSON.stringify(entry.details),
  };
  await tx('assurance_audit_log').insert({
    ...row,
    prev_hash: prevHash,
    hash: hashAuditEntry({ prevHash, ...row }),
  });
}

/**
 * Reads the audit log in order and reports the first entry whose hash does
 * not follow from its predecessor, if any.
 */
export async function verifyAuditChain(
  db: Knex,
): Promise<{ valid: boolean; entries: number; brokenAt?: number }> {
  const rows = await db('assurance_audit_log').select().orderBy('seq', 'asc');
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const expected = hashAuditEntry({
      prevHash,
      occurred_at: toDate(row.occurred_at),
      actor: row.actor,
      action: row.action,
      entity_ref: row.entity_ref,
      subject_id: row.subject_id,
      details: row.details,
    });
    if (row.prev_hash !== prevHash || row.hash !== expected) {
      return { valid: false, entries: rows.length, brokenAt: Number(row.seq) };
    }
    prevHash = row.hash;
  }
  return { valid: true, entries: rows.length };
}

function hashAuditEntry(entry: {
  prevHash: string;
  occurred_at: Date;
  actor: string;
  action: string;
  entity_ref: string | null;
  subject_id: string | null;
  details: string;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        entry.prevHash,
        entry.occurred_at.toISOString(),
        entry.actor,
        entry.action,
        entry.entity_ref,
        entry.subject_id,
        entry.details,
      ]),
    )
    .digest('hex');
}
