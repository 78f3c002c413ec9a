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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseRuntimeConfigStore } from '../drift/DatabaseRuntimeConfigStore';
import { DriftService } from '../drift/DriftService';
import { PolicyService } from '../policy/PolicyService';
import { createDriftRouter } from './drift.router';
import { ConfigReader } from '@backstage/config';
import { builtInGates } from '../gates/gateDefinitions';
import { DatabaseOverrideStore } from '../overrides/DatabaseOverrideStore';
import { OverrideNotifier } from '../overrides/OverrideNotifier';
import { DefaultPolicyService } from '../policy/DefaultPolicyService';
import {
  createTestApp,
  createTestContext,
  createTestRouter,
  paymentsEntity,
} from './__testUtils__/createTestApp';

const payments = paymentsEntity();

const source = { layer: 'platform' as const };
const entityPath = '/v1/entities/component/default/payments-api';
const ci = mockCredentials.service.header();
const ada = mockCredentials.user.header('user:default/ada');

const inSync = {
  requiredGates: ['unit-tests'],
  gates: { 'unit-tests': { freshnessDays: 7 } },
};

describe('createDriftRouter', () => {
  let app: express.Express;
  let knex: Knex;
  let authorize: jest.Mock;
  let freshnessDays: number;
  let getEffectivePolicy: jest.Mock;

  beforeEach(async () => {
    const context = await createTestContext({ entities: [payments] });
    ({ knex, authorize } = context);
    freshnessDays = 7;
    getEffectivePolicy = jest.fn(
      async ({ environment }) =>
        ({
          entityRef: 'component:default/payments-api',
          riskLevel: 'low',
          environment,
          version: 'v',
          requiredGates: [{ value: 'unit-tests', source }],
          gates: {
            'unit-tests': { freshnessDays: { value: freshnessDays, source } },
          },
          maxOverrideDays: 30,
          refused: [],
        } satisfies EffectivePolicy),
    );
    const policyService: PolicyService = {
      listEnvironments: () => ['dev', 'prod'],
      getEffectivePolicy,
    };
    const drift = new DriftService({
      store: await DatabaseRuntimeConfigStore.create({
        database: context.database,
      }),
      policyService,
    });
    // As in router.ts: mounted before the 100 kB body limit of the rest.
    app = createTestApp({
      routers: [
        createDriftRouter({
          access: context.access,
          drift,
          auditor: mockServices.auditor.mock(),
          now: () => new Date('2026-12-03T12:00:00.000Z'),
        }),
        express.json({ limit: '100kb' }),
      ],
    });
  });

  const report = (body: object, as = ci) =>
    request(app)
      .post(`${entityPath}/runtime-config`)
      .set('Authorization', as)
      .send(body);

  it.each([
    ['post', `${entityPath}/runtime-config`],
    ['get', `${entityPath}/drift`],
  ] as const)('%s %s answers 401 without credentials', async (method, path) => {
    const response = await request(app)[method](path).send({});
    expect(response.status).toBe(401);
  });

  it('records a report and answers its drift', async () => {
    const response = await report({ environment: 'prod', document: inSync });

    expect(response.status).toBe(201);
    const expectedReport = {
      id: expect.any(String),
      entityRef: 'component:default/payments-api',
      environment: 'prod',
      version: expect.stringMatching(/^[a-f0-9]{64}$/),
      reportedBy: 'external:test-service',
      reportedAt: '2026-12-03T12:00:00.000Z',
    };
    expect(response.body).toEqual({
      report: expectedReport,
      drift: {
        environment: 'prod',
        status: 'in-sync',
        reason: 'The reported config matches all 2 expected keys',
        latest: expectedReport,
        differences: [],
        lastKnownGood: expectedReport,
      },
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'assurance.runtime-config.report',
          }),
          resourceRef: 'component:default/payments-api',
        },
      ],
      expect.anything(),
    );
    expect(getEffectivePolicy).toHaveBeenCalledWith({
      entity: payments,
      environment: 'prod',
    });
    await expect(knex('assurance_audit_log').pluck('action')).resolves.toEqual([
      'runtime-config.report',
    ]);
  });

  it('lists every environment and shows a policy change as drift', async () => {
    await report({ environment: 'prod', document: inSync });
    freshnessDays = 3;

    const response = await request(app)
      .get(`${entityPath}/drift`)
      .set('Authorization', ada);
    expect(response.status).toBe(200);
    expect(response.body.environments).toEqual([
      {
        environment: 'dev',
        status: 'unknown',
        reason: 'No runtime config has been reported for dev',
        differences: [],
      },
      expect.objectContaining({
        environment: 'prod',
        status: 'drifted',
        differences: [
          { key: 'gates.unit-tests.freshnessDays', expected: 3, actual: 7 },
        ],
        lastKnownGood: expect.objectContaining({ environment: 'prod' }),
      }),
    ]);
  });

  it.each([
    [{ environment: 'qa', document: inSync }, "Unknown environment 'qa'"],
    [
      { environment: 'prod', document: [1, 2] },
      'document must be a JSON object',
    ],
    [{ document: inSync }, 'environment is required'],
    [
      {
        environment: 'prod',
        document: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`),
      },
      'at most 32 levels deep',
    ],
    [
      { environment: 'prod', document: { notes: 'x'.repeat(257 * 1024) } },
      'at most 262144 bytes',
    ],
  ])('answers 400 for a bad report (%#)', async (body, message) => {
    const response = await report(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('accepts documents larger than the 100 kB limit of other bodies', async () => {
    const response = await report({
      environment: 'dev',
      document: { ...inSync, notes: 'x'.repeat(200 * 1024) },
    });
    expect(response.status).toBe(201);
  });

  it('answers 413 for bodies far above the document limit', async () => {
    const response = await report({
      environment: 'dev',
      document: { notes: 'x'.repeat(400 * 1024) },
    });
    expect(response.status).toBe(413);
  });

  it('answers 403 without permission', async () => {
    authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    expect(
      (await report({ environment: 'prod', document: inSync })).status,
    ).toBe(403);
    const drift = await request(app)
      .get(`${entityPath}/drift`)
      .set('Authorization', ada);
    expect(drift.status).toBe(403);
  });
});

describe('createRouter', () => {
  it('serves the drift and override routes, large documents included', async () => {
    const context = await createTestContext({ entities: [payments] });
    const { database } = context;
    const overrides = await DatabaseOverrideStore.create({ database });
    const policyService = await DefaultPolicyService.create({
      config: new ConfigReader({
        assurance: { environments: ['dev', 'prod'] },
      }),
      database,
      knownGates: new Set(builtInGates.keys()),
    });
    const router = await createTestRouter({
      context,
      maxUploadBytes: 4096,
      policyService,
      overrides,
      overrideRequests: {
        store: overrides,
        notifier: new OverrideNotifier({
          notifications: { send: jest.fn(async () => {}) },
          logger: mockServices.logger.mock(),
        }),
      },
      drift: new DriftService({
        store: await DatabaseRuntimeConfigStore.create({ database }),
        policyService,
      }),
    });
    const app = createTestApp({ routers: [router] });

    const reported = await request(app)
      .post(`${entityPath}/runtime-config`)
      .set('Authorization', ci)
      .send({
        environment: 'prod',
        document: { requiredGates: ['x'], notes: 'x'.repeat(200 * 1024) },
      });
    expect(reported.status).toBe(201);
    expect(reported.body.drift.status).toBe('drifted');

    const drift = await request(app)
      .get(`${entityPath}/drift`)
      .set('Authorization', ada);
    expect(
      drift.body.environments.map((e: { status: string }) => e.status),
    ).toEqual(['unknown', 'drifted']);

    const requested = await request(app)
      .post(`${entityPath}/gates/unit-tests/overrides`)
      .set('Authorization', ada)
      .send({ reason: 'Flaky suite is quarantined', expiresInDays: 3 });
    expect(requested.status).toBe(201);
    const approved = await request(app)
      .post(`/v1/overrides/${requested.body.id}/approve`)
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .send({});
    expect(approved.body.status).toBe('approved');
  });
});
