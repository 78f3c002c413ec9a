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

import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { DatabaseOverrideStore } from './DatabaseOverrideStore';
import { NewOverride } from './OverrideStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const now = new Date('2026-12-03T12:00:00.000Z');
const inDays = (days: number) =>
  new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

function request(overrides: Partial<NewOverride> = {}): NewOverride {
  return {
    id: crypto.randomUUID(),
    entityRef: 'component:default/payments-api',
    gateId: 'dependency-scan',
    reason: 'Fix is waiting for the upstream release',
    requestedBy: 'user:default/ada',
    requestedAt: now,
    expiresAt: inDays(7),
    ...overrides,
  };
}

const audit = (action: string) => ({
  actor: 'user:default/ada',
  action,
  entityRef: 'component:default/payments-api',
  details: {},
});

describe.each(databases.eachSupportedId())(
  'DatabaseOverrideStore on %p',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      const database = mockServices.database({ knex });
      // Runs the plugin's migrations, the override table's among them.
      await DatabaseEvidenceStore.create({ database });
      const store = await DatabaseOverrideStore.create({ database });
      return { knex, store };
    }

    it('stores a pending request with an audit entry and lists newest first', async () => {
      const { knex, store } = await createStore();
      const older = request({ requestedAt: inDays(-1) });
      const newer = request({ digest: `sha256:${'a'.repeat(64)}` });

      await store.createOverride({
        override: older,
        audit: audit('override.request'),
      });
      const created = await store.createOverride({
        override: newer,
        audit: audit('override.request'),
      });

      expect(created).toEqual({
        id: newer.id,
        entityRef: 'component:default/payments-api',
        gateId: 'dependency-scan',
        digest: `sha256:${'a'.repeat(64)}`,
        reason: 'Fix is waiting for the upstream release',
        requestedBy: 'user:default/ada',
        requestedAt: now.toISOString(),
        expiresAt: inDays(7).toISOString(),
        status: 'pending',
      });
      const listed = await store.listOverrides({
        entityRef: 'component:default/payments-api',
        now,
      });
      expect(listed.map(o => o.id)).toEqual([newer.id, older.id]);
      await expect(
        store.listOverrides({ entityRef: 'component:default/other', now }),
      ).resolves.toEqual([]);
      await expect(verifyAuditChain(knex)).resolves.toEqual({
        valid: true,
        entries: 2,
      });
    });

    it('computes expired at read time', async () => {
      const { store } = await createStore();
      const pending = request({ expiresAt: inDays(1) });
      const approved = request({ expiresAt: inDays(2) });
      await store.createOverride({ override: pending, audit: audit('r') });
      await store.createOverride({ override: approved, audit: audit('r') });
      await store.decideOverride({
        id: approved.id,
        status: 'approved',
        decidedBy: 'user:default/bob',
        comment: 'ok until the fix',
        now,
        audit: audit('override.approve'),
      });

      const later = inDays(3);
      await expect(
        store.getOverride({ id: approved.id, now: later }),
      ).resolves.toMatchObject({
        status: 'expired',
        decidedBy: 'user:default/bob',
        decidedAt: now.toISOString(),
        decisionComment: 'ok until the fix',
      });
      await expect(
        store.getOverride({ id: pending.id, now: later }),
      ).resolves.toMatchObject({ status: 'expired' });
      await expect(
        store.getOverride({ id: approved.id, now }),
      ).resolves.toMatchObject({ status: 'approved' });
      await expect(
        store.getOverride({ id: 'missing', now }),
      ).resolves.toBeUndefined();
    });

    it('lets only one of two concurrent decisions win', async () => {
      const { knex, store } = await createStore();
      const override = request();
      await store.createOverride({ override, audit: audit('r') });

      const decide = (status: 'approved' | 'rejected', decidedBy: string) =>
        store.decideOverride({
          id: override.id,
          status,
          decidedBy,
          comment: 'looked at it',
          now,
          audit: audit(`override.${status}`),
        });
      const results = await Promise.all([
        decide('approved', 'user:default/bob'),
        decide('rejected', 'user:default/carol'),
      ]);

      const winners = results.filter(Boolean);
      expect(winners).toHaveLength(1);
      await expect(
        store.getOverride({ id: override.id, now }),
      ).resolves.toMatchObject({ status: winners[0]!.status });
      await expect(decide('approved', 'user:default/dan')).resolves.toBe(
        undefined,
      );
      await expect(verifyAuditChain(knex)).resolves.toEqual({
        valid: true,
        entries: 2,
      });
    });

    it('does not decide a request whose time is over', async () => {
      const { store } = await createStore();
      const override = request({ expiresAt: inDays(1) });
      await store.createOverride({ override, audit: audit('r') });
      await expect(
        store.decideOverride({
          id: override.id,
          status: 'approved',
          decidedBy: 'user:default/bob',
          now: inDays(2),
          audit: audit('override.approve'),
        }),
      ).resolves.toBeUndefined();
    });

    it('lists the notices due and remembers each once', async () => {
      const { knex, store } = await createStore();
      const soon = request({ expiresAt: inDays(2) });
      const later = request({ expiresAt: inDays(20) });
      const over = request({ expiresAt: inDays(1) });
      const pending = request({ expiresAt: inDays(1) });
      for (const override of [soon, later, over, pending]) {
        await store.createOverride({ override, audit: audit('r') });
      }
      for (const { id: overrideId } of [soon, later, over]) {
        await store.decideOverride({
          id: overrideId,
          status: 'approved',
          decidedBy: 'user:default/bob',
          now,
          audit: audit('override.approve'),
        });
      }

      const at = inDays(1.5);
      const due = await store.listPendingNotices({
        now: at,
        warnUntil: inDays(4.5),
        limit: 10,
      });
      expect(due.expiring.map(o => o.id)).toEqual([soon.id]);
      expect(due.lapsed.map(o => o.id)).toEqual([over.id]);

      const mark = (overrideId: string, notice: 'expiry-warning' | 'lapse') =>
        store.markNoticeSent({
          id: overrideId,
          notice,
          now: at,
          audit: audit(`override.${notice}`),
        });
      await expect(mark(soon.id, 'expiry-warning')).resolves.toBe(true);
      await expect(mark(soon.id, 'expiry-warning')).resolves.toBe(false);
      await expect(mark(over.id, 'lapse')).resolves.toBe(true);
      await expect(
        store.listPendingNotices({
          now: at,
          warnUntil: inDays(4.5),
          limit: 10,
        }),
      ).resolves.toEqual({ expiring: [], lapsed: [] });
      await expect(verifyAuditChain(knex)).resolves.toEqual({
        valid: true,
        entries: 9,
      });
    });
  },
);
