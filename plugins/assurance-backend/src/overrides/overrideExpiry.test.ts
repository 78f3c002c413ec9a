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
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { DatabaseOverrideStore } from './DatabaseOverrideStore';
import { OverrideNotifier } from './OverrideNotifier';
import {
  readNotifyDaysBefore,
  runOverrideExpiry,
  scheduleOverrideExpiry,
} from './overrideExpiry';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const now = new Date('2026-12-03T12:00:00.000Z');
const inDays = (days: number) =>
  new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

describe('runOverrideExpiry', () => {
  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database({ knex });
    await DatabaseEvidenceStore.create({ database });
    const store = await DatabaseOverrideStore.create({ database });
    const send = jest.fn(async () => {});
    const logger = mockServices.logger.mock();
    const notifier = new OverrideNotifier({
      notifications: { send },
      logger,
    });
    const approve = async (expiresAt: Date, entityRef?: string) => {
      const id = crypto.randomUUID();
      await store.createOverride({
        override: {
          id,
          entityRef: entityRef ?? 'component:default/payments-api',
          gateId: 'dependency-scan',
          reason: 'Waiting for the upstream fix',
          requestedBy: 'user:default/ada',
          requestedAt: now,
          expiresAt,
        },
        audit: { actor: 'user:default/ada', action: 'r', details: {} },
      });
      await store.decideOverride({
        id,
        status: 'approved',
        decidedBy: 'user:default/bob',
        now,
        audit: { actor: 'user:default/bob', action: 'a', details: {} },
      });
      return id;
    };
    const run = (at: Date) =>
      runOverrideExpiry({
        store,
        notifier,
        catalog: catalogServiceMock({ entities: [payments] }),
        auth: mockServices.auth(),
        logger,
        notifyDaysBefore: 3,
        now: at,
      });
    return { knex, store, send, logger, approve, run };
  }

  it('warns the owners once before the end and once when it lapsed', async () => {
    const { knex, send, approve, run } = await setup();
    const id = await approve(inDays(10));

    await expect(run(inDays(1))).resolves.toEqual({
      warned: 0,
      lapsed: 0,
      failed: 0,
    });
    expect(send).not.toHaveBeenCalled();

    await expect(run(inDays(7.5))).resolves.toMatchObject({ warned: 1 });
    await expect(run(inDays(8))).resolves.toMatchObject({ warned: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/team-payments' },
      payload: expect.objectContaining({
        title: 'Gate override ends soon: dependency-scan of payments-api',
        description: expect.stringContaining('Waiting for the upstream fix'),
        link: '/catalog/default/component/payments-api/gates',
        severity: 'high',
        topic: 'assurance-overrides',
        scope: `assurance-override:${id}:expiring`,
      }),
    });

    await expect(run(inDays(10.5))).resolves.toMatchObject({ lapsed: 1 });
    await expect(run(inDays(11))).resolves.toMatchObject({ lapsed: 0 });
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'Gate override lapsed: dependency-scan of payments-api',
          description: expect.stringContaining(inDays(10).toISOString()),
        }),
      }),
    );

    const actions = await knex('assurance_audit_log')
      .orderBy('seq')
      .pluck('action');
    expect(actions.slice(-2)).toEqual([
      'override.expiry-warning',
      'override.lapse',
    ]);
    await expect(verifyAuditChain(knex)).resolves.toMatchObject({
      valid: true,
    });
  });

  it('tries a notice again when sending failed', async () => {
    const { send, logger, approve, run } = await setup();
    await approve(inDays(1));
    send.mockRejectedValueOnce(new Error('notifications backend is down'));

    await expect(run(inDays(2))).resolves.toEqual({
      warned: 0,
      lapsed: 0,
      failed: 1,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('lapse notice'),
      expect.any(Error),
    );
    await expect(run(inDays(2))).resolves.toMatchObject({ lapsed: 1 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('remembers the notice of an entity that left the catalog without sending', async () => {
    const { send, approve, run } = await setup();
    await approve(inDays(1), 'component:default/gone');

    await expect(run(inDays(2))).resolves.toMatchObject({ lapsed: 1 });
    await expect(run(inDays(2))).resolves.toMatchObject({ lapsed: 0 });
    expect(send).not.toHaveBeenCalled();
  });
});

describe('readNotifyDaysBefore', () => {
  it('defaults to 3 days and refuses nonsense', () => {
    expect(readNotifyDaysBefore(new ConfigReader({}))).toBe(3);
    expect(
      readNotifyDaysBefore(
        new ConfigReader({ assurance: { overrides: { notifyDaysBefore: 5 } } }),
      ),
    ).toBe(5);
    expect(() =>
      readNotifyDaysBefore(
        new ConfigReader({
          assurance: { overrides: { notifyDaysBefore: 1.5 } },
        }),
      ),
    ).toThrow('assurance.overrides.notifyDaysBefore');
  });
});

describe('scheduleOverrideExpiry', () => {
  it('schedules an hourly task that runs the pass', async () => {
    const scheduler = mockServices.scheduler.mock();
    const run = jest.fn(async () => {});
    await scheduleOverrideExpiry({ scheduler, run });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'assurance-override-expiry',
        frequency: { hours: 1 },
      }),
    );
    const [{ fn }] = (scheduler.scheduleTask as jest.Mock).mock.calls[0];
    await fn(new AbortController().signal);
    expect(run).toHaveBeenCalled();
  });
});
