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

import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { builtInGates } from '../gates/gateDefinitions';
import { DefaultPolicyService } from '../policy/DefaultPolicyService';
import { createPolicyRouter } from './policy.router';
import {
  createTestApp,
  createTestContext,
  paymentsEntity,
} from './__testUtils__/createTestApp';

const payments = paymentsEntity({
  annotations: {
    'real-app-forever.dev/risk-level': 'low',
    'real-app-forever.dev/gate-policy':
      '{"gates":{"sbom":{"freshnessDays":0}}}',
  },
});

/** An entity with a stage of its own. */
const orders: Entity = {
  ...paymentsEntity({
    annotations: { 'real-app-forever.dev/environments': 'dev, qa, prod' },
  }),
  metadata: {
    name: 'orders-api',
    annotations: { 'real-app-forever.dev/environments': 'dev, qa, prod' },
  },
};

const path = '/v1/entities/component/default/payments-api/policy';
const asUser = {
  Authorization: mockCredentials.user.header('user:default/ada'),
};

describe('createPolicyRouter', () => {
  let app: express.Express;
  let authorize: jest.Mock;

  beforeEach(async () => {
    const context = await createTestContext({ entities: [payments, orders] });
    ({ authorize } = context);
    const policyService = await DefaultPolicyService.create({
      config: new ConfigReader({
        assurance: {
          gatePolicy: {
            groups: {
              'team-payments': {
                requiredGates: ['sbom'],
                gates: { sbom: { freshnessDays: 30 } },
              },
            },
            environments: { prod: { gates: { sbom: { freshnessDays: 7 } } } },
          },
        },
      }),
      database: context.database,
      knownGates: new Set(builtInGates.keys()),
      now: () => new Date('2026-12-03T12:00:00.000Z'),
    });
    app = createTestApp({
      routers: [createPolicyRouter({ access: context.access, policyService })],
    });
  });

  it('answers 401 without credentials', async () => {
    expect((await request(app).get(path)).status).toBe(401);
  });

  it('answers 404 for an unknown entity', async () => {
    const response = await request(app)
      .get('/v1/entities/component/default/nope/policy')
      .set(asUser);
    expect(response.status).toBe(404);
  });

  it('answers 403 when the permission policy denies', async () => {
    authorize.mockImplementation(async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const response = await request(app).get(path).set(asUser);
    expect(response.status).toBe(403);
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'assurance.evidence.read',
          }),
          resourceRef: 'component:default/payments-api',
        },
      ],
      expect.anything(),
    );
  });

  it.each([
    [
      '?environment=qa',
      "Unknown environment 'qa', known environments are dev, staging, prod",
    ],
    ['?environment=a&environment=b', 'environment must be a single name'],
  ])('answers 400 for %s', async (query, message) => {
    const response = await request(app).get(`${path}${query}`).set(asUser);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
  });

  it("checks the environment against the entity's annotation", async () => {
    const ordersPath = '/v1/entities/component/default/orders-api/policy';
    const qa = await request(app)
      .get(`${ordersPath}?environment=qa`)
      .set(asUser);
    expect(qa.status).toBe(200);
    expect(qa.body.environment).toBe('qa');
    const staging = await request(app)
      .get(`${ordersPath}?environment=staging`)
      .set(asUser);
    expect(staging.status).toBe(400);
    expect(staging.body.error.message).toBe(
      "Unknown environment 'staging', known environments are dev, qa, prod",
    );
  });

  it('answers the effective policy with sources, refusals and history', async () => {
    const response = await request(app).get(path).set(asUser);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      entityRef: 'component:default/payments-api',
      riskLevel: 'low',
      version: expect.stringMatching(/^[a-f0-9]{64}$/),
      requiredGates: [
        { value: 'unit-tests', source: { layer: 'platform' } },
        {
          value: 'sbom',
          source: { layer: 'group', name: 'group:default/team-payments' },
        },
      ],
      gates: {
        'unit-tests': {},
        sbom: {
          freshnessDays: {
            value: 30,
            source: { layer: 'group', name: 'group:default/team-payments' },
          },
        },
      },
      maxOverrideDays: 30,
      refused: [
        {
          source: { layer: 'entity' },
          key: 'gates.sbom.freshnessDays',
          message: 'must be at least 1 day',
        },
      ],
      history: [
        {
          version: response.body.version,
          changedAt: '2026-12-03T12:00:00.000Z',
        },
      ],
    });

    const prod = await request(app).get(`${path}?environment=prod`).set(asUser);
    expect(prod.status).toBe(200);
    expect(prod.body).toMatchObject({
      environment: 'prod',
      gates: {
        sbom: {
          freshnessDays: {
            value: 7,
            source: { layer: 'environment', name: 'prod' },
          },
        },
      },
      history: [{ version: response.body.version }],
    });
  });
});
