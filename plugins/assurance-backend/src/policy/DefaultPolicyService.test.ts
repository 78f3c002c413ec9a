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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { verifyAuditChain } from '../database/auditLog';
import { DefaultPolicyService } from './DefaultPolicyService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const knownGates = new Set([
  'unit-tests',
  'static-analysis',
  'dependency-scan',
  'sbom',
  'coverage',
  'smoke-test',
]);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'real-app-forever.dev/risk-level': 'low' },
  },
  spec: { owner: 'team-payments' },
};

const withCoverage = {
  groups: {
    'team-payments': {
      requiredGates: ['coverage'],
      gates: { coverage: { minLineRate: 0.8 } },
    },
  },
};

describe.each(databases.eachSupportedId())('DefaultPolicyService on %p', id => {
  let knex: Knex;
  let clock: number;

  beforeEach(async () => {
    knex = await databases.init(id);
    clock = Date.parse('2026-12-03T10:00:00.000Z');
  });

  function createService(gatePolicy: JsonObject = {}) {
    return DefaultPolicyService.create({
      config: new ConfigReader({
        assurance: { gatePolicy, environments: ['dev', 'prod'] },
      }),
      database: mockServices.database({ knex }),
      knownGates,
      now: () => new Date((clock += 60_000)),
    });
  }

  async function auditEntries() {
    return knex('assurance_audit_log')
      .where({ action: 'policy.change' })
      .orderBy('seq', 'asc')
      .select('actor', 'entity_ref', 'subject_id', 'details');
  }

  it('records the first version and each change, with audit entries', async () => {
    const first = await (
      await createService()
    ).getEffectivePolicy({
      entity,
    });
    expect(first.history).toEqual([
      { version: first.version, changedAt: '2026-12-03T10:01:00.000Z' },
    ]);

    const service = await createService(withCoverage);
    const second = await service.getEffectivePolicy({ entity });
    const again = await service.getEffectivePolicy({ entity });
    expect(second.version).not.toBe(first.version);
    expect(again.history).toEqual([
      {
        version: second.version,
        previousVersion: first.version,
        changedAt: '2026-12-03T10:02:00.000Z',
      },
      { version: first.version, changedAt: '2026-12-03T10:01:00.000Z' },
    ]);

    const audit = await auditEntries();
    expect(audit.map(row => JSON.parse(row.details))).toEqual([
      { oldVersion: null, newVersion: first.version },
      { oldVersion: first.version, newVersion: second.version },
    ]);
    expect(audit[1]).toMatchObject({
      actor: 'system:policy',
      entity_ref: 'component:default/payments-api',
      subject_id: second.version,
    });
    expect(await verifyAuditChain(knex)).toEqual({
      valid: true,
      entries: 2,
    });
  });

  it('records a return to an earlier version', async () => {
    const plain = await createService();
    const covered = await createService(withCoverage);
    const a = await plain.getEffectivePolicy({ entity });
    const b = await covered.getEffectivePolicy({ entity });
    const back = await plain.getEffectivePolicy({ entity });
    expect(back.history?.map(h => [h.version, h.previousVersion])).toEqual([
      [a.version, b.version],
      [b.version, a.version],
      [a.version, undefined],
    ]);
    expect(await auditEntries()).toHaveLength(3);
  });

  it('records a change once when asked concurrently', async () => {
    const service = await createService(withCoverage);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => service.getEffectivePolicy({ entity })),
    );
    expect(new Set(answers.map(a => a.version)).size).toBe(1);
    const [{ n }] = await knex('assurance_policy_versions').count({ n: '*' });
    expect(Number(n)).toBe(1);
    expect(await auditEntries()).toHaveLength(1);
    expect((await service.getEffectivePolicy({ entity })).history).toHaveLength(
      1,
    );
  });

  it('answers per environment without recording, and knows its environments', async () => {
    const service = await createService({
      environments: { prod: { requiredGates: ['smoke-test'] } },
    });
    expect(service.listEnvironments()).toEqual(['dev', 'prod']);

    const prod = await service.getEffectivePolicy({
      entity,
      environment: 'prod',
    });
    expect(prod).toMatchObject({
      environment: 'prod',
      requiredGates: [
        { value: 'unit-tests' },
        { value: 'smoke-test', source: { layer: 'environment', name: 'prod' } },
      ],
      history: [],
    });
    expect(await auditEntries()).toHaveLength(0);

    await expect(
      service.getEffectivePolicy({ entity, environment: 'staging' }),
    ).rejects.toThrow(
      "Unknown environment 'staging', known environments are dev, prod",
    );
  });

  it('takes the environments of an entity from its annotation', async () => {
    const service = await createService({
      environments: { prod: { requiredGates: ['smoke-test'] } },
    });
    const annotated = (value: string): Entity => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { 'real-app-forever.dev/environments': value },
      },
    });
    const qa = annotated('dev, qa, prod');
    expect(service.listEnvironments(qa)).toEqual(['dev', 'qa', 'prod']);
    await expect(
      service.getEffectivePolicy({ entity: qa, environment: 'qa' }),
    ).resolves.toMatchObject({ environment: 'qa' });
    await expect(
      service.getEffectivePolicy({ entity, environment: 'qa' }),
    ).rejects.toThrow("Unknown environment 'qa'");
    // An invalid annotation falls back to config instead of failing.
    expect(service.listEnvironments(annotated('Dev,,prod'))).toEqual([
      'dev',
      'prod',
    ]);
  });

  it('keeps at most 20 versions in an answer, newest first', async () => {
    for (let rate = 0; rate < 22; rate += 1) {
      const service = await createService({
        riskLevels: { low: { requiredGates: ['coverage'] } },
        gates: { coverage: { minLineRate: rate / 100 } },
      });
      await service.getEffectivePolicy({ entity });
    }
    const last = await (
      await createService({
        riskLevels: { low: { requiredGates: ['coverage'] } },
        gates: { coverage: { minLineRate: 0.21 } },
      })
    ).getEffectivePolicy({ entity });
    const history = last.history ?? [];
    expect(history).toHaveLength(20);
    expect(history[0].version).toBe(last.version);
    expect(history[0].changedAt > history[1].changedAt).toBe(true);
  });

  it('migrates down and up again', async () => {
    await createService();
    const directory = resolvePackagePath(
      '@real-app-forever/plugin-assurance-backend',
      'migrations',
    );
    // Other migrations may follow this one; roll back to just before it.
    while (await knex.schema.hasTable('assurance_policy_versions')) {
      await knex.migrate.down({ directory });
    }
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('assurance_policy_versions')).toBe(true);
  });
});
