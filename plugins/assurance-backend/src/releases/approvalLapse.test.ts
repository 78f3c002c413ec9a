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
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { runApprovalLapse, scheduleApprovalLapse } from './approvalLapse';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import { ReleaseNotifier } from './ReleaseNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const now = new Date('2026-12-03T12:00:00.000Z');
const inHours = (hours: number) =>
  new Date(now.getTime() + hours * 60 * 60 * 1000);

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

describe.each(databases.eachSupportedId())('runApprovalLapse on %p', id => {
  let knex: Knex;
  let store: DatabaseReleaseStore;
  let send: jest.Mock;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  beforeEach(async () => {
    knex = await databases.init(id);
    const database = mockServices.database({ knex });
    await DatabaseEvidenceStore.create({ database });
    store = await DatabaseReleaseStore.create({ database });
    send = jest.fn(async () => {});
    logger = mockServices.logger.mock();
  });

  async function askForPromotion(
    expiresAt: Date,
    entityRef = 'component:default/payments-api',
  ) {
    const release = await store.createRelease({
      release: {
        id: crypto.randomUUID(),
        entityRef,
        environment: 'prod',
        artifact: { name: 'payments-api', digest: `sha256:${'a'.repeat(64)}` },
        status: 'pending-approval',
        migrationStatus: 'none',
        actor: 'user:default/ada',
        reason: 'sprint 12',
        createdAt: now,
        approvalExpiresAt: expiresAt,
      },
      audit: {
        actor: 'user:default/ada',
        action: 'release.promote',
        details: {},
      },
    });
    return release.id;
  }

  const run = (
    at: Date,
    catalog = catalogServiceMock({ entities: [payments] }),
  ) =>
    runApprovalLapse({
      releases: store,
      notifier: new ReleaseNotifier({ notifications: { send }, logger }),
      catalog,
      auth: mockServices.auth(),
      logger,
      now: at,
    });

  it('tells the owners once when nobody approved in time, audited', async () => {
    const releaseId = await askForPromotion(inHours(24));
    await expect(run(inHours(23))).resolves.toEqual({
      lapsed: 0,
      notified: 0,
      failed: 0,
    });

    await expect(run(inHours(25))).resolves.toEqual({
      lapsed: 1,
      notified: 1,
      failed: 0,
    });
    await expect(run(inHours(26))).resolves.toMatchObject({ lapsed: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/team-payments' },
      payload: expect.objectContaining({
        title: 'Promotion approval lapsed: payments-api to prod',
        description: expect.stringContaining(
          `Nobody approved it by ${inHours(24).toISOString()}`,
        ),
        topic: 'assurance-releases',
        scope: `assurance-release:${releaseId}:approval-expired`,
      }),
    });

    const entries = await knex('assurance_audit_log').orderBy('seq');
    expect(entries.map(e => e.action)).toEqual([
      'release.promote',
      'release.approval-lapsed',
    ]);
    expect(entries[1]).toMatchObject({
      actor: 'system:release-approval-lapse',
      subject_id: releaseId,
    });
    expect((await verifyAuditChain(knex)).valid).toBe(true);
    // Expired, and no longer approvable.
    expect((await store.getRelease({ id: releaseId }))?.status).toBe('expired');
    await expect(
      store.approveRelease({
        id: releaseId,
        approvedBy: 'user:default/bob',
        now: inHours(26),
        audit: { actor: 'user:default/bob', action: 'a', details: {} },
      }),
    ).resolves.toBeUndefined();
  });

  it('notifies once when replicas race', async () => {
    await askForPromotion(inHours(1));
    await askForPromotion(inHours(2));
    const results = await Promise.all([
      run(inHours(3)),
      run(inHours(3)),
      run(inHours(3)),
    ]);
    expect(results.reduce((sum, r) => sum + r.lapsed, 0)).toBe(2);
    expect(send).toHaveBeenCalledTimes(2);
    const [{ n }] = await knex('assurance_audit_log')
      .where({ action: 'release.approval-lapsed' })
      .count({ n: '*' });
    expect(Number(n)).toBe(2);
  });

  it('leaves a release for the next pass while the catalog fails', async () => {
    await askForPromotion(inHours(1));
    const catalog = catalogServiceMock({ entities: [payments] });
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockRejectedValueOnce(new Error('catalog is down'));

    await expect(run(inHours(2), catalog)).resolves.toMatchObject({
      lapsed: 0,
      failed: 1,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('lapsed approval'),
      expect.any(Error),
    );
    await expect(run(inHours(2), catalog)).resolves.toMatchObject({
      lapsed: 1,
      notified: 1,
    });
  });

  it('marks the lapse of an entity that left the catalog without a notice', async () => {
    await askForPromotion(inHours(1), 'component:default/gone');
    await expect(run(inHours(2))).resolves.toEqual({
      lapsed: 1,
      notified: 0,
      failed: 0,
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the mark when the notice fails, and does not send it again', async () => {
    await askForPromotion(inHours(1));
    send.mockRejectedValueOnce(new Error('notifications are down'));
    await expect(run(inHours(2))).resolves.toEqual({
      lapsed: 1,
      notified: 0,
      failed: 0,
    });
    expect(logger.warn).toHaveBeenCalled();
    await expect(run(inHours(3))).resolves.toMatchObject({ lapsed: 0 });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('scheduleApprovalLapse', () => {
  it('schedules an hourly task that runs the pass', async () => {
    const scheduler = mockServices.scheduler.mock();
    const run = jest.fn(async () => {});
    await scheduleApprovalLapse({ scheduler, run });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'assurance-release-approval-lapse',
        frequency: { hours: 1 },
      }),
    );
    const [{ fn }] = (scheduler.scheduleTask as jest.Mock).mock.calls[0];
    await fn(new AbortController().signal);
    expect(run).toHaveBeenCalled();
  });
});
