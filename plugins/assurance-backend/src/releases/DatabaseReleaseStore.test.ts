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

import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import {
  at,
  audit,
  createReleaseFactory,
  createReleaseTestDatabases,
  digestOf,
  entityRef,
} from './__testUtils__/releaseFixtures';

jest.setTimeout(60_000);

const databases = createReleaseTestDatabases();
const { newRelease } = createReleaseFactory({
  status: 'deploying',
  minutesApart: 1,
});

describe.each(databases.eachSupportedId())('DatabaseReleaseStore on %p', id => {
  let knex: Knex;
  let store: DatabaseReleaseStore;

  beforeEach(async () => {
    knex = await databases.init(id);
    const database = mockServices.database({ knex });
    await DatabaseEvidenceStore.create({ database });
    store = await DatabaseReleaseStore.create({ database });
  });

  it('records, activates, succeeds and supersedes, audited', async () => {
    const first = await store.createRelease({
      release: newRelease({ status: 'succeeded' }),
      audit,
    });
    expect(first).toMatchObject({ status: 'succeeded', environment: 'prod' });
    const second = await store.createRelease({
      release: newRelease({ artifact: { name: 'p', digest: digestOf('b') } }),
      audit,
    });
    expect(await store.listActive({ entityRef })).toEqual({ prod: second.id });

    const done = await store.updateRelease({
      id: second.id,
      status: 'succeeded',
      migrationStatus: 'applied',
      now: at(30),
      audit,
    });
    expect(done).toMatchObject({
      status: 'succeeded',
      migrationStatus: 'applied',
    });
    expect((await store.getRelease({ id: first.id }))?.status).toBe(
      'superseded',
    );
    expect(
      await store.hasSucceeded({
        entityRef,
        environment: 'prod',
        digest: digestOf('a'),
      }),
    ).toBe(true);
    // Only a deploying release changes status.
    expect(
      await store.updateRelease({
        id: second.id,
        status: 'failed',
        now: at(31),
        audit,
      }),
    ).toBeUndefined();
    expect(await verifyAuditChain(knex)).toEqual({ valid: true, entries: 3 });
  });

  it('gives the head back when the active release fails', async () => {
    const good = await store.createRelease({
      release: newRelease({ status: 'succeeded' }),
      audit,
    });
    const bad = await store.createRelease({ release: newRelease(), audit });
    await store.updateRelease({
      id: bad.id,
      status: 'failed',
      now: at(40),
      audit,
    });
    expect(await store.listActive({ entityRef })).toEqual({ prod: good.id });
  });

  it('refuses a new active release while one is deploying', async () => {
    await store.createRelease({ release: newRelease(), audit });
    await expect(
      store.createRelease({ release: newRelease(), audit }),
    ).rejects.toThrow(ConflictError);
  });

  it('approves a pending release once, and not after it lapsed', async () => {
    const pending = await store.createRelease({
      release: newRelease({
        status: 'pending-approval',
        approvalExpiresAt: at(100),
      }),
      audit,
    });
    expect(await store.listActive({ entityRef })).toEqual({});
    const approved = await store.approveRelease({
      id: pending.id,
      approvedBy: 'user:default/bob',
      now: at(50),
      audit,
    });
    expect(approved).toMatchObject({
      status: 'deploying',
      approvedBy: 'user:default/bob',
    });
    expect(
      await store.approveRelease({
        id: pending.id,
        approvedBy: 'x',
        now: at(51),
        audit,
      }),
    ).toBeUndefined();

    const lapsed = await store.createRelease({
      release: newRelease({
        status: 'pending-approval',
        approvalExpiresAt: at(60),
      }),
      audit,
    });
    expect(
      await store.approveRelease({
        id: lapsed.id,
        approvedBy: 'x',
        now: at(61),
        audit,
      }),
    ).toBeUndefined();
  });

  it('rolls back to the target and marks the current release', async () => {
    const v1 = await store.createRelease({
      release: newRelease({ status: 'succeeded' }),
      audit,
    });
    const v2 = await store.createRelease({
      release: newRelease({
        status: 'succeeded',
        artifact: { name: 'p', version: '2', digest: digestOf('b') },
      }),
      audit,
    });
    const result = await store.rollback({
      id: '10000000-0000-4000-8000-000000000001',
      entityRef,
      environment: 'prod',
      actor: 'user:default/ada',
      reason: 'errors spiked',
      now: at(90),
      audit: () => audit,
    });
    expect(result?.rolledBack.id).toBe(v2.id);
    expect(result?.release).toMatchObject({
      status: 'deploying',
      rollbackOf: v2.id,
      artifact: { digest: v1.artifact.digest },
    });
    expect((await store.getRelease({ id: v2.id }))?.status).toBe('rolled-back');
    expect(await store.listActive({ entityRef })).toEqual({
      prod: result?.release.id,
    });
  });

  it('answers undefined when there is nothing to roll back to', async () => {
    await store.createRelease({
      release: newRelease({ status: 'succeeded' }),
      audit,
    });
    expect(
      await store.rollback({
        id: '10000000-0000-4000-8000-000000000002',
        entityRef,
        environment: 'prod',
        actor: 'user:default/ada',
        reason: 'why not',
        now: at(90),
        audit: () => audit,
      }),
    ).toBeUndefined();
  });

  it('refuses a deploy a moment older than the one deploying as a conflict, not for its date', async () => {
    const older = newRelease({
      artifact: { name: 'p', digest: digestOf('c') },
    });
    const newer = newRelease({
      artifact: { name: 'p', digest: digestOf('d') },
    });
    await store.createRelease({ release: newer, audit });
    await expect(
      store.createRelease({ release: older, audit }),
    ).rejects.toThrow(ConflictError);

    await store.updateRelease({
      id: newer.id,
      status: 'succeeded',
      now: at(100),
      audit,
    });
    await expect(
      store.createRelease({
        release: { ...older, id: '00000000-0000-4000-8000-0000000000ff' },
        audit,
      }),
    ).rejects.toThrow(/can only be recorded as succeeded or failed/);
  });

  it('leaves exactly one active release after concurrent promotions', async () => {
    const results = await Promise.allSettled([
      store.createRelease({
        release: newRelease({ artifact: { name: 'p', digest: digestOf('c') } }),
        audit,
      }),
      store.createRelease({
        release: newRelease({ artifact: { name: 'p', digest: digestOf('d') } }),
        audit,
      }),
    ]);
    const fulfilled = results.filter(r => r.status === 'fulfilled');
    const rejected = results.filter(r => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(
      ConflictError,
    );
    const deploying = await knex('assurance_releases').where({
      status: 'deploying',
    });
    expect(deploying).toHaveLength(1);
    const active = await store.listActive({ entityRef });
    expect(active.prod).toBe(deploying[0].id);
    expect(await verifyAuditChain(knex)).toEqual({ valid: true, entries: 1 });
  });
});
