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
import { verifyAuditChain } from '../database/auditLog';
import { DatabaseOverrideStore } from '../overrides/DatabaseOverrideStore';
import { OverrideNotifier } from '../overrides/OverrideNotifier';
import { PolicyService } from '../policy/PolicyService';
import { createOverridesRouter } from './overrides.router';
import {
  createTestApp,
  createTestContext,
  paymentsEntity,
} from './__testUtils__/createTestApp';

const payments = paymentsEntity();

const source = { layer: 'platform' as const };
const policyService: PolicyService = {
  listEnvironments: () => ['dev', 'prod'],
  getEffectivePolicy: async () =>
    ({
      entityRef: 'component:default/payments-api',
      riskLevel: 'high',
      version: 'policy-v1',
      requiredGates: [
        { value: 'unit-tests', source },
        { value: 'dependency-scan', source },
      ],
      gates: {},
      maxOverrideDays: 14,
      refused: [],
    } satisfies EffectivePolicy),
};

const start = new Date('2026-12-03T12:00:00.000Z');
const days = (n: number) => new Date(start.getTime() + n * 86_400_000);

const ada = mockCredentials.user.header('user:default/ada');
const bob = mockCredentials.user.header('user:default/bob');
const entityPath = '/v1/entities/component/default/payments-api';
const requestPath = `${entityPath}/gates/dependency-scan/overrides`;
const validBody = {
  reason: 'CVE-2026-1 has no fix upstream yet',
  expiresInDays: 7,
};

describe('createOverridesRouter', () => {
  let app: express.Express;
  let knex: Knex;
  let authorize: jest.Mock;
  let send: jest.Mock;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let now: Date;

  beforeEach(async () => {
    const context = await createTestContext({ entities: [payments] });
    ({ knex, authorize } = context);
    now = start;
    send = jest.fn(async () => {});
    auditor = mockServices.auditor.mock();
    logger = mockServices.logger.mock();
    const router = createOverridesRouter({
      access: context.access,
      overrides: await DatabaseOverrideStore.create({
        database: context.database,
      }),
      policyService,
      notifier: new OverrideNotifier({ notifications: { send }, logger }),
      auditor,
      now: () => now,
    });
    app = createTestApp({ routers: [express.json(), router] });
  });

  const denyPermission = (name: string) =>
    authorize.mockImplementation(
      async (requests: Array<{ permission: { name: string } }>) =>
        requests.map(r => ({
          result:
            r.permission.name === name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    );

  const requestOverride = (body: object = validBody, as = ada) =>
    request(app).post(requestPath).set('Authorization', as).send(body);

  it.each([
    ['post', requestPath],
    ['get', `${entityPath}/overrides`],
    ['get', '/v1/overrides/some-id'],
    ['post', '/v1/overrides/some-id/approve'],
    ['post', '/v1/overrides/some-id/reject'],
  ] as const)('%s %s answers 401 without credentials', async (method, path) => {
    const response = await request(app)[method](path).send({});
    expect(response.status).toBe(401);
  });

  it('records a request, audits it and tells the owners', async () => {
    const response = await requestOverride({
      ...validBody,
      digest: `sha256:${'ab'.repeat(32)}`,
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      entityRef: 'component:default/payments-api',
      gateId: 'dependency-scan',
      digest: `sha256:${'ab'.repeat(32)}`,
      reason: 'CVE-2026-1 has no fix upstream yet',
      requestedBy: 'user:default/ada',
      requestedAt: start.toISOString(),
      expiresAt: days(7).toISOString(),
      status: 'pending',
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'assurance.override.request',
          }),
          resourceRef: 'component:default/payments-api',
        },
      ],
      expect.anything(),
    );
    const [entry] = await knex('assurance_audit_log').select();
    expect(entry).toMatchObject({
      actor: 'user:default/ada',
      action: 'override.request',
      entity_ref: 'component:default/payments-api',
      subject_id: response.body.id,
    });
    expect(JSON.parse(entry.details)).toMatchObject({
      gateId: 'dependency-scan',
      policyVersion: 'policy-v1',
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'override-request' }),
    );
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/team-payments' },
      payload: expect.objectContaining({
        title: 'Gate override requested: dependency-scan of payments-api',
        link: '/catalog/default/component/payments-api/gates',
        severity: 'normal',
        topic: 'assurance-overrides',
      }),
    });
  });

  it.each([
    [{ ...validBody, expiresInDays: 15 }, 'at most 14 days'],
    [
      { reason: validBody.reason, expiresAt: days(-1).toISOString() },
      'expiresAt must be in the future',
    ],
    [
      { reason: validBody.reason, expiresAt: '2026-12-18T12:00:01+00:00' },
      'at most 14 days',
    ],
    [{ ...validBody, reason: 'because' }, 'at least 10 characters'],
    [{ reason: validBody.reason }, 'exactly one'],
    [{ ...validBody, expiresAt: days(2).toISOString() }, 'exactly one'],
    [{ ...validBody, digest: 'v1.2.3' }, 'sha256:<hex>'],
  ])('answers 400 for %j', async (body, message) => {
    const response = await requestOverride(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
    expect(send).not.toHaveBeenCalled();
  });

  it('accepts an expiry exactly at the maximum', async () => {
    const response = await requestOverride({
      reason: validBody.reason,
      expiresAt: days(14).toISOString(),
    });
    expect(response.status).toBe(201);
  });

  it('answers 400 for a gate the policy does not require', async () => {
    const response = await request(app)
      .post(`${entityPath}/gates/coverage/overrides`)
      .set('Authorization', ada)
      .send(validBody);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      "Gate 'coverage' is not required for component:default/payments-api",
    );
  });

  it('answers 403 without the request permission and 404 for unknown entities', async () => {
    denyPermission('assurance.override.request');
    expect((await requestOverride()).status).toBe(403);

    const unknown = await request(app)
      .post('/v1/entities/component/default/nope/gates/unit-tests/overrides')
      .set('Authorization', ada)
      .send(validBody);
    expect(unknown.status).toBe(404);
  });

  it('lets another approver approve, once', async () => {
    const { body: created } = await requestOverride();
    now = days(1);

    const approved = await request(app)
      .post(`/v1/overrides/${created.id}/approve`)
      .set('Authorization', bob)
      .send({ comment: 'Tracked in SEC-42' });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({
      ...created,
      status: 'approved',
      decidedBy: 'user:default/bob',
      decidedAt: days(1).toISOString(),
      decisionComment: 'Tracked in SEC-42',
    });
    expect(authorize).toHaveBeenLastCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'assurance.override.approve',
          }),
          resourceRef: 'component:default/payments-api',
        },
      ],
      expect.anything(),
    );
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'Gate override approved: dependency-scan of payments-api',
        }),
      }),
    );

    const again = await request(app)
      .post(`/v1/overrides/${created.id}/reject`)
      .set('Authorization', bob)
      .send({ comment: 'Changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('is approved');

    const actions = await knex('assurance_audit_log')
      .orderBy('seq')
      .pluck('action');
    expect(actions).toEqual(['override.request', 'override.approve']);
    await expect(verifyAuditChain(knex)).resolves.toMatchObject({
      valid: true,
    });
  });

  it('never lets the requester decide their own request', async () => {
    const { body: created } = await requestOverride();
    for (const verb of ['approve', 'reject']) {
      const response = await request(app)
        .post(`/v1/overrides/${created.id}/${verb}`)
        .set('Authorization', mockCredentials.user.header('user:default/ADA'))
        .send({ comment: 'Looks fine to me' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'you requested this override; another approver must decide',
      );
    }
    const { body } = await request(app)
      .get(`/v1/overrides/${created.id}`)
      .set('Authorization', ada);
    expect(body.status).toBe('pending');
  });

  it('answers 403 without the approve permission', async () => {
    const { body: created } = await requestOverride();
    denyPermission('assurance.override.approve');
    const response = await request(app)
      .post(`/v1/overrides/${created.id}/approve`)
      .set('Authorization', bob)
      .send({});
    expect(response.status).toBe(403);
  });

  it('rejects with a required comment, and 409s for a lapsed request', async () => {
    const first = (await requestOverride()).body;
    const second = (await requestOverride({ ...validBody, expiresInDays: 1 }))
      .body;

    const noComment = await request(app)
      .post(`/v1/overrides/${first.id}/reject`)
      .set('Authorization', bob)
      .send({});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toContain('comment is required');

    const rejected = await request(app)
      .post(`/v1/overrides/${first.id}/reject`)
      .set('Authorization', bob)
      .send({ comment: 'Upgrade to 2.4.1 instead' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionComment: 'Upgrade to 2.4.1 instead',
    });

    now = days(2);
    const lapsed = await request(app)
      .post(`/v1/overrides/${second.id}/approve`)
      .set('Authorization', bob)
      .send({});
    expect(lapsed.status).toBe(409);
    expect(lapsed.body.error.message).toContain('is expired');

    const missing = await request(app)
      .post('/v1/overrides/nope/approve')
      .set('Authorization', bob)
      .send({});
    expect(missing.status).toBe(404);
  });

  it('lists overrides newest first with the status as of now', async () => {
    const older = (await requestOverride({ ...validBody, expiresInDays: 2 }))
      .body;
    await request(app)
      .post(`/v1/overrides/${older.id}/approve`)
      .set('Authorization', bob)
      .send({});
    now = days(1);
    const newer = (await requestOverride()).body;

    now = days(3);
    const list = await request(app)
      .get(`${entityPath}/overrides`)
      .set('Authorization', bob);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((o: { id: string; status: string }) => [
        o.id,
        o.status,
      ]),
    ).toEqual([
      [newer.id, 'pending'],
      [older.id, 'expired'],
    ]);

    const one = await request(app)
      .get(`/v1/overrides/${older.id}`)
      .set('Authorization', bob);
    expect(one.body).toMatchObject({ id: older.id, status: 'expired' });

    denyPermission('assurance.evidence.read');
    for (const path of [
      `${entityPath}/overrides`,
      `/v1/overrides/${older.id}`,
    ]) {
      const denied = await request(app).get(path).set('Authorization', bob);
      expect(denied.status).toBe(403);
    }
  });

  it('answers even when the notifications backend fails', async () => {
    send.mockRejectedValue(new Error('notifications backend is down'));
    const created = await requestOverride();
    expect(created.status).toBe(201);
    const approved = await request(app)
      .post(`/v1/overrides/${created.body.id}/approve`)
      .set('Authorization', bob)
      .send({});
    expect(approved.status).toBe(200);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('requested notice'),
      expect.any(Error),
    );
  });

  it('tells a service requester apart from a user approver', async () => {
    const ci = mockCredentials.service.header();
    const created = await requestOverride(validBody, ci);
    expect(created.status).toBe(201);
    expect(created.body.requestedBy).toBe('external:test-service');

    const selfApproved = await request(app)
      .post(`/v1/overrides/${created.body.id}/approve`)
      .set('Authorization', ci)
      .send({});
    expect(selfApproved.status).toBe(403);

    const approved = await request(app)
      .post(`/v1/overrides/${created.body.id}/approve`)
      .set('Authorization', bob)
      .send({});
    expect(approved.status).toBe(200);
  });
});
