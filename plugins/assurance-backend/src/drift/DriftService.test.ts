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
import { InputError } from '@backstage/errors';
import { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { resolveEntityEnvironments } from '../policy/entityEnvironments';
import { PolicyService } from '../policy/PolicyService';
import { DatabaseRuntimeConfigStore } from './DatabaseRuntimeConfigStore';
import { DriftService } from './DriftService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { owner: 'team-payments' },
};
const entityRef = 'component:default/payments-api';
const source = { layer: 'platform' as const };

/** A policy service whose coverage threshold per environment can change. */
function fakePolicy(minLineRate: Record<string, number>): PolicyService {
  return {
    listEnvironments: () => ['dev', 'staging', 'prod'],
    getEffectivePolicy: async ({ environment }) =>
      ({
        entityRef,
        riskLevel: 'medium',
        environment,
        version: 'v',
        requiredGates: [
          { value: 'unit-tests', source },
          { value: 'coverage', source },
        ],
        gates: {
          coverage: {
            minLineRate: { value: minLineRate[environment!] ?? 0.6, source },
          },
        },
        maxOverrideDays: 30,
        refused: [],
      } satisfies EffectivePolicy),
  };
}

const good = (rate: number) => ({
  requiredGates: ['unit-tests', 'coverage'],
  gates: { coverage: { minLineRate: rate } },
});

describe.each(databases.eachSupportedId())('DriftService on %p', id => {
  async function setup(minLineRate: Record<string, number>) {
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    await DatabaseEvidenceStore.create({ database });
    const store = await DatabaseRuntimeConfigStore.create({ database });
    const policy = { minLineRate };
    const service = new DriftService({
      store,
      policyService: {
        listEnvironments: e =>
          resolveEntityEnvironments({
            entity: e,
            configured: ['dev', 'staging', 'prod'],
          }).environments,
        getEffectivePolicy: options =>
          fakePolicy(policy.minLineRate).getEffectivePolicy(options),
      },
    });
    let clock = Date.parse('2026-12-03T12:00:00.000Z');
    const report = (environment: string, document: Record<string, unknown>) =>
      service.report({
        entity,
        entityRef,
        environment,
        document,
        actor: 'external:ci',
        now: new Date((clock += 60_000)),
      });
    return { knex, service, policy, report };
  }

  it('is unknown for every environment before any report', async () => {
    const { service } = await setup({});
    await expect(service.getDrift({ entity, entityRef })).resolves.toEqual(
      ['dev', 'staging', 'prod'].map(environment => ({
        environment,
        status: 'unknown',
        reason: `No runtime config has been reported for ${environment}`,
        differences: [],
      })),
    );
  });

  it("reports on the entity's own environments from its annotation", async () => {
    const { service, report } = await setup({});
    const annotated: Entity = {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { 'real-app-forever.dev/environments': 'dev, qa' },
      },
    };
    const drift = await service.getDrift({ entity: annotated, entityRef });
    expect(drift.map(d => d.environment)).toEqual(['dev', 'qa']);
    await expect(
      service.report({
        entity: annotated,
        entityRef,
        environment: 'prod',
        document: {},
        actor: 'external:ci',
        now: new Date(),
      }),
    ).rejects.toThrow(
      "Unknown environment 'prod'; known environments: dev, qa",
    );
    await expect(report('staging', good(0.6))).resolves.toBeDefined();
  });

  it('stores reports with audit entries and keeps the last known good', async () => {
    const { knex, service, report } = await setup({ prod: 0.8 });

    const first = await report('prod', { ...good(0.8), extra: 1 });
    expect(first.report).toEqual({
      id: expect.any(String),
      entityRef,
      environment: 'prod',
      version: expect.stringMatching(/^[a-f0-9]{64}$/),
      reportedBy: 'external:ci',
      reportedAt: '2026-12-03T12:01:00.000Z',
    });
    expect(first.drift).toEqual({
      environment: 'prod',
      status: 'in-sync',
      reason:
        'The reported config matches all 2 expected keys; 1 reported key that policy does not set was ignored',
      latest: first.report,
      differences: [],
      lastKnownGood: first.report,
    });

    const second = await report('prod', good(0.5));
    expect(second.drift).toMatchObject({
      status: 'drifted',
      reason: '1 of 2 expected keys are missing or differ',
      latest: second.report,
      differences: [
        { key: 'gates.coverage.minLineRate', expected: 0.8, actual: 0.5 },
      ],
      lastKnownGood: first.report,
    });

    const drift = await service.getDrift({ entity, entityRef });
    expect(drift.map(d => d.status)).toEqual(['unknown', 'unknown', 'drifted']);
    expect(drift[2]).toEqual(second.drift);

    const audit = await knex('assurance_audit_log')
      .orderBy('seq')
      .select('action', 'subject_id');
    expect(audit).toEqual([
      { action: 'runtime-config.report', subject_id: first.report.id },
      { action: 'runtime-config.report', subject_id: second.report.id },
    ]);
    await expect(verifyAuditChain(knex)).resolves.toMatchObject({
      valid: true,
    });
  });

  it('shows a policy change as drift until the environment reports again', async () => {
    const { service, policy, report } = await setup({ staging: 0.7 });
    const first = await report('staging', good(0.7));
    expect(first.drift.status).toBe('in-sync');

    policy.minLineRate = { staging: 0.75 };
    const [, staging] = await service.getDrift({ entity, entityRef });
    expect(staging).toMatchObject({
      environment: 'staging',
      status: 'drifted',
      reason:
        '1 of 2 expected keys are missing or differ (the report matched when it was made: the policy changed since)',
      differences: [
        { key: 'gates.coverage.minLineRate', expected: 0.75, actual: 0.7 },
      ],
      latest: first.report,
      lastKnownGood: first.report,
    });

    const again = await report('staging', good(0.75));
    expect(again.drift).toMatchObject({
      status: 'in-sync',
      lastKnownGood: again.report,
    });
  });

  it('keeps a large document intact', async () => {
    const { service, report } = await setup({});
    const big = { ...good(0.6), notes: 'x'.repeat(200 * 1024) };
    const { report: stored } = await report('dev', big);
    const [dev] = await service.getDrift({ entity, entityRef });
    expect(dev).toMatchObject({ status: 'in-sync', latest: stored });
  });

  it('refuses an environment policy does not know', async () => {
    const { report } = await setup({});
    await expect(report('qa', good(0.6))).rejects.toThrow(InputError);
    await expect(report('qa', good(0.6))).rejects.toThrow(
      "Unknown environment 'qa'; known environments: dev, staging, prod",
    );
  });
});
