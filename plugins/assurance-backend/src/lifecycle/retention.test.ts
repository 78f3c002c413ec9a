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
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { NewEvidence } from '../database/EvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { readRetentionPolicy, runRetention } from './retention';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const now = new Date('2026-12-03T12:00:00.000Z');
const daysAgo = (days: number) =>
  new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

function evidence(overrides: Partial<NewEvidence>): NewEvidence {
  const id = crypto.randomUUID();
  return {
    id,
    entityRef: 'component:default/payments-api',
    format: 'junit',
    fileName: 'junit.xml',
    sha256: id.replace(/-/g, '').padEnd(64, '0'),
    size: 3,
    uploadedBy: 'ci',
    uploadedAt: now,
    summary: {
      kind: 'tests',
      total: 1,
      passed: 1,
      failed: 0,
      errored: 0,
      skipped: 0,
      failures: [],
    },
    content: Buffer.from('<x/>'),
    ...overrides,
  };
}

const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

describe.each(databases.eachSupportedId())('retention on %p', id => {
  async function setup() {
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    const store = await DatabaseEvidenceStore.create({ database });
    const lifecycle = await DatabaseLifecycleStore.create({ database });
    const add = async (overrides: Partial<NewEvidence>) => {
      const e = evidence(overrides);
      await store.insertEvidence({
        evidence: e,
        audit: { actor: 'ci', action: 'evidence.create', details: {} },
      });
      return e.id;
    };
    return { knex, store, lifecycle, add };
  }

  it('expires old evidence but keeps the newest execution per format', async () => {
    const { knex, store, lifecycle, add } = await setup();
    const oldest = await add({ uploadedAt: daysAgo(200), executionId: 'a' });
    const old = await add({ uploadedAt: daysAgo(120), executionId: 'b' });
    const newestA = await add({ uploadedAt: daysAgo(100), executionId: 'c' });
    const newestB = await add({ uploadedAt: daysAgo(99), executionId: 'c' });
    const oldSarif = await add({
      format: 'sarif',
      uploadedAt: daysAgo(300),
      summary: {
        kind: 'static-analysis',
        tools: [],
        total: 0,
        byLevel: { error: 0, warning: 0, note: 0, none: 0 },
        suppressed: 0,
        results: [],
      },
    });
    const otherEntity = await add({
      entityRef: 'component:default/gone',
      uploadedAt: daysAgo(10),
    });

    const result = await runRetention({
      store: lifecycle,
      catalog: catalogServiceMock({ entities: [payments] }),
      auth: mockServices.auth(),
      policy: readRetentionPolicy(
        new ConfigReader({
          assurance: { retention: { formats: { junit: 90 } } },
        }),
      ),
      logger: mockServices.logger.mock(),
      now,
    });

    expect(result).toEqual({ expired: 2, purged: 0 });
    const left = (await knex('assurance_evidence').select('id')).map(
      row => row.id,
    );
    expect(left.sort()).toEqual(
      [newestA, newestB, oldSarif, otherEntity].sort(),
    );
    expect(left).not.toContain(oldest);
    expect(left).not.toContain(old);
    expect(await knex('assurance_evidence_content').count('* as n')).toEqual([
      { n: expect.anything() },
    ]);
    expect(await store.getEvidenceContent({ id: oldest })).toBeUndefined();
    expect(await verifyAuditChain(knex)).toMatchObject({ valid: true });
  });

  it('purges entities gone from the catalog after the grace period', async () => {
    const { knex, lifecycle, add } = await setup();
    await add({ entityRef: 'component:default/gone' });
    await add({});
    const options = {
      store: lifecycle,
      catalog: catalogServiceMock({ entities: [payments] }),
      auth: mockServices.auth(),
      policy: { days: {}, orphanGraceDays: 30 },
      logger: mockServices.logger.mock(),
    };

    expect(await runRetention({ ...options, now: daysAgo(31) })).toEqual({
      expired: 0,
      purged: 0,
    });
    expect(await runRetention({ ...options, now: daysAgo(2) })).toEqual({
      expired: 0,
      purged: 0,
    });
    expect(await runRetention({ ...options, now })).toEqual({
      expired: 0,
      purged: 1,
    });
    const entities = await knex('assurance_evidence').distinct('entity_ref');
    expect(entities).toEqual([
      { entity_ref: 'component:default/payments-api' },
    ]);
    const purge = await knex('assurance_audit_log')
      .where({ action: 'entity.purge' })
      .first();
    expect(purge.entity_ref).toBe('component:default/gone');
  });

  it('forgets a missing entity that comes back', async () => {
    const { lifecycle, add } = await setup();
    await add({ entityRef: 'component:default/flaky' });
    const base = {
      store: lifecycle,
      auth: mockServices.auth(),
      policy: { days: {}, orphanGraceDays: 30 },
      logger: mockServices.logger.mock(),
    };
    await runRetention({
      ...base,
      catalog: catalogServiceMock({ entities: [] }),
      now: daysAgo(40),
    });
    await runRetention({
      ...base,
      catalog: catalogServiceMock({
        entities: [{ ...payments, metadata: { name: 'flaky' } }],
      }),
      now: daysAgo(20),
    });
    expect(
      await runRetention({
        ...base,
        catalog: catalogServiceMock({ entities: [] }),
        now,
      }),
    ).toEqual({ expired: 0, purged: 0 });
  });
});

describe('readRetentionPolicy', () => {
  it('applies the default to every format without its own number', () => {
    const policy = readRetentionPolicy(
      new ConfigReader({
        assurance: { retention: { defaultDays: 365, formats: { junit: 30 } } },
      }),
    );
    expect(policy.days.junit).toBe(30);
    expect(policy.days.sarif).toBe(365);
    expect(policy.orphanGraceDays).toBe(30);
  });

  it('keeps everything when nothing is configured', () => {
    expect(readRetentionPolicy(new ConfigReader({})).days).toEqual({});
  });

  it('names the key at fault', () => {
    expect(() =>
      readRetentionPolicy(
        new ConfigReader({
          assurance: { retention: { formats: { junit: 0 } } },
        }),
      ),
    ).toThrow(
      'Invalid retention config: assurance.retention.formats.junit: must be at least 1 day',
    );
  });
});
