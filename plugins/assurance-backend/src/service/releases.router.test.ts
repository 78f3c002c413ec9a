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
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import {
  DIGEST_A,
  DIGEST_B,
  DIGEST_C,
  DIGEST_UNKNOWN,
  ada,
  bob,
  createReleaseTestApp,
  entityPath,
} from '../releases/__testUtils__/releaseTestApp';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const promote = (env: string) => `${entityPath}/environments/${env}/promotions`;

describe.each(databases.eachSupportedId())('createReleasesRouter on %p', id => {
  let app: express.Express;
  let knex: Knex;
  let denied: Set<string>;
  let send: jest.Mock;
  let auditActions: () => Promise<string[]>;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;
  let addTestReport: (digest: string, failed: number) => void;

  beforeEach(async () => {
    ({ app, knex, denied, send, auditActions, auditor, addTestReport } =
      await createReleaseTestApp({
        databases,
        id,
      }));
  });

  async function recordRelease(body: object, as = ada) {
    return request(app)
      .post(`${entityPath}/releases`)
      .set('authorization', as)
      .send({
        environment: 'dev',
        artifact: { name: 'payments-api', version: '1.0.0', digest: DIGEST_A },
        ...body,
      });
  }

  it.each([
    ['post', `${entityPath}/releases`],
    ['get', `${entityPath}/releases`],
    ['patch', '/v1/releases/x'],
    ['get', `${entityPath}/environments`],
    ['post', promote('dev')],
    ['post', '/v1/releases/x/approve'],
    ['post', `${entityPath}/environments/dev/rollbacks`],
  ] as const)('answers 401 to %s %s without credentials', async (m, path) => {
    const res = await request(app)[m](path).send({});
    expect(res.status).toBe(401);
  });

  it('records a deployment and its progress, audited', async () => {
    const created = await recordRelease({
      reason: 'release 1',
      workItem: 'PAY-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'deploying',
      migrationStatus: 'none',
      actor: 'user:default/ada',
      workItem: 'PAY-1',
    });
    const patched = await request(app)
      .patch(`/v1/releases/${created.body.id}`)
      .set('authorization', ada)
      .send({ status: 'succeeded', migrationStatus: 'applied' });
    expect(patched.body).toMatchObject({ status: 'succeeded' });
    const again = await request(app)
      .patch(`/v1/releases/${created.body.id}`)
      .set('authorization', ada)
      .send({ status: 'failed' });
    expect(again.status).toBe(409);

    const list = await request(app)
      .get(`${entityPath}/releases`)
      .set('authorization', ada);
    expect(list.body.items).toHaveLength(1);
    expect(await auditActions()).toEqual(['release.record', 'release.update']);
  });

  it("lists the entity's environments from its annotation, or says why not", async () => {
    const orders = await request(app)
      .get('/v1/entities/component/default/orders-api/environments')
      .set('authorization', ada);
    expect(orders.body.source).toBe('annotation');
    expect(orders.body.problems).toBeUndefined();
    expect(
      orders.body.environments.map((e: { name: string }) => e.name),
    ).toEqual(['dev', 'qa', 'prod']);
    // qa takes its configured rule, prod its default.
    expect(orders.body.environments[1].rule.requireApproval).toBe(true);
    expect(orders.body.environments[2].rule.requireApproval).toBe(true);

    const broken = await request(app)
      .get('/v1/entities/component/default/broken-api/environments')
      .set('authorization', ada);
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({
      source: 'config',
      problems: [expect.stringContaining("'QA' is not an environment name")],
    });
    expect(broken.body.environments).toHaveLength(3);

    const plain = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', ada);
    expect(plain.body.source).toBe('config');
    expect(plain.body.problems).toBeUndefined();

    const recorded = await request(app)
      .post('/v1/entities/component/default/orders-api/releases')
      .set('authorization', ada)
      .send({
        environment: 'staging',
        artifact: { name: 'orders-api', digest: DIGEST_A },
      });
    expect(recorded.status).toBe(400);
    expect(recorded.body.error.message).toBe(
      "Unknown environment 'staging', known environments are dev, qa, prod",
    );
  });

  it('refuses an unknown environment and a bad body', async () => {
    expect((await recordRelease({ environment: 'qa' })).status).toBe(400);
    expect((await recordRelease({ status: 'done' })).status).toBe(400);
  });

  it.each([
    ['assurance.release.record', () => recordRelease({})],
    [
      'assurance.release.promote',
      () =>
        request(app)
          .post(promote('dev'))
          .set('authorization', ada)
          .send({ digest: DIGEST_A }),
    ],
    [
      'assurance.release.rollback',
      () =>
        request(app)
          .post(`${entityPath}/environments/dev/rollbacks`)
          .set('authorization', ada)
          .send({ reason: 'broken' }),
    ],
  ])('answers 403 without %s', async (permission, call) => {
    denied.add(permission);
    expect((await call()).status).toBe(403);
    expect(await auditActions()).toEqual([]);
  });

  it('promotes a digest whose gates passed', async () => {
    const res = await request(app)
      .post(promote('dev'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A, reason: 'sprint 12' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      decision: 'promoted',
      release: { status: 'deploying', environment: 'dev' },
    });
    expect(await auditActions()).toEqual(['release.promote']);
  });

  it('refuses a digest with a failed gate, naming it', async () => {
    const res = await request(app)
      .post(promote('dev'))
      .set('authorization', ada)
      .send({ digest: DIGEST_B });
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('refused');
    expect(res.body.reasons).toEqual([
      expect.stringMatching(/^gate 'unit-tests' is failed .*1 test failed/),
    ]);
    expect(await auditActions()).toEqual([]);
  });

  it('refuses a digest no evidence names and one the previous stage did not run', async () => {
    const unknown = await request(app)
      .post(promote('dev'))
      .set('authorization', ada)
      .send({ digest: DIGEST_UNKNOWN });
    expect(unknown.body.reasons[0]).toMatch(/no evidence names this digest/);
    const skipped = await request(app)
      .post(promote('staging'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(skipped.body).toEqual({
      decision: 'refused',
      reasons: [
        `the previous stage 'dev' has not run ${DIGEST_A} successfully`,
      ],
    });
  });

  it('refuses to promote what already runs there', async () => {
    const running = await recordRelease({ status: 'succeeded' });
    const res = await request(app)
      .post(promote('dev'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(res.body).toEqual({
      decision: 'refused',
      reasons: [
        `${DIGEST_A} already runs in dev (release ${running.body.id}): there is nothing to promote`,
      ],
    });
  });

  it('holds prod for approval by someone else', async () => {
    await recordRelease({ environment: 'staging', status: 'succeeded' });
    const asked = await request(app)
      .post(promote('prod'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(asked.status).toBe(202);
    expect(asked.body.decision).toBe('pending-approval');
    const releaseId = asked.body.release.id;

    const self = await request(app)
      .post(`/v1/releases/${releaseId}/approve`)
      .set('authorization', ada);
    expect(self.status).toBe(403);
    denied.add('assurance.release.approve');
    const unauthorized = await request(app)
      .post(`/v1/releases/${releaseId}/approve`)
      .set('authorization', bob);
    expect(unauthorized.status).toBe(403);
    denied.clear();

    const envs = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', bob);
    expect(envs.body.environments[2]).toMatchObject({
      name: 'prod',
      rule: { requireApproval: true, requiredGates: ['unit-tests'] },
      activeRelease: null,
      pendingApprovals: [{ id: releaseId }],
    });

    const approved = await request(app)
      .post(`/v1/releases/${releaseId}/approve`)
      .set('authorization', bob);
    expect(approved.body).toMatchObject({
      status: 'deploying',
      approvedBy: 'user:default/bob',
    });
    expect(await auditActions()).toEqual([
      'release.record',
      'release.promote',
      'release.approve',
    ]);
    expect(send.mock.calls.map(([n]) => n.payload.scope)).toEqual([
      `assurance-release:${releaseId}:approval-requested`,
      `assurance-release:${releaseId}:approved`,
    ]);
    expect(send.mock.calls[0][0].recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/team-payments',
    });
  });

  it('asks once per digest, and decides the rule again on approval', async () => {
    await recordRelease({ environment: 'staging', status: 'succeeded' });
    const asked = await request(app)
      .post(promote('prod'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(asked.status).toBe(202);

    const again = await request(app)
      .post(promote('prod'))
      .set('authorization', bob)
      .send({ digest: DIGEST_A });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(
      `already waits for approval in prod (release ${asked.body.release.id}`,
    );

    // Since the request, a newer report of the digest failed.
    addTestReport(DIGEST_A, 2);
    const approval = await request(app)
      .post(`/v1/releases/${asked.body.release.id}/approve`)
      .set('authorization', bob);
    expect(approval.status).toBe(409);
    expect(approval.body.error.message).toMatch(
      /may no longer go to prod: gate 'unit-tests' is failed/,
    );
    const envs = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', bob);
    expect(envs.body.environments[2]).toMatchObject({
      activeRelease: null,
      pendingApprovals: [{ id: asked.body.release.id }],
    });
    expect(await auditActions()).toEqual(['release.record', 'release.promote']);
  });

  it('says when the previous stage rolled the digest back', async () => {
    await recordRelease({ status: 'succeeded' });
    await recordRelease({
      status: 'succeeded',
      artifact: { name: 'payments-api', version: '1.1.0', digest: DIGEST_C },
    });
    const rolledBack = await request(app)
      .post(`${entityPath}/environments/dev/rollbacks`)
      .set('authorization', ada)
      .send({ reason: 'broken' });
    expect(rolledBack.status).toBe(201);

    const refused = await request(app)
      .post(promote('staging'))
      .set('authorization', ada)
      .send({ digest: DIGEST_C });
    expect(refused.body.reasons).toEqual([
      `the previous stage 'dev' has not run ${DIGEST_C} successfully: its release there was rolled back`,
    ]);
  });

  it('rolls back to the target, or answers 409 without one', async () => {
    const noTarget = await request(app)
      .post(`${entityPath}/environments/dev/rollbacks`)
      .set('authorization', ada)
      .send({ reason: 'broken' });
    expect(noTarget.status).toBe(409);

    const first = await recordRelease({ status: 'succeeded' });
    const second = await recordRelease({
      status: 'succeeded',
      artifact: { name: 'payments-api', version: '1.1.0', digest: DIGEST_C },
    });
    const envs = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', ada);
    expect(envs.body.environments[0]).toMatchObject({
      activeRelease: { id: second.body.id },
      rollbackTarget: { id: first.body.id },
      activeGates: { 'unit-tests': 'passed' },
    });

    const res = await request(app)
      .post(`${entityPath}/environments/dev/rollbacks`)
      .set('authorization', ada)
      .send({ reason: 'errors spiked' });
    expect(res.status).toBe(201);
    expect(res.body.release).toMatchObject({
      status: 'deploying',
      rollbackOf: second.body.id,
      artifact: { digest: DIGEST_A },
    });
    expect(res.body.rolledBack).toMatchObject({ status: 'rolled-back' });
    const after = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', ada);
    expect(after.body.environments[0]).toMatchObject({
      activeRelease: { id: res.body.release.id },
      rolledBackRelease: { id: second.body.id, status: 'rolled-back' },
      rollbackTarget: null,
    });
    expect(await auditActions()).toEqual([
      'release.record',
      'release.record',
      'release.rollback',
    ]);
    expect(send.mock.calls.map(([n]) => n.payload.title)).toEqual([
      'Rolled back: payments-api to dev',
    ]);
  });

  it('goes back to the rolled-back release when the rollback fails, and can roll back again', async () => {
    const first = await recordRelease({ status: 'succeeded' });
    const second = await recordRelease({
      status: 'succeeded',
      artifact: { name: 'payments-api', version: '1.1.0', digest: DIGEST_C },
    });
    const rollback = await request(app)
      .post(`${entityPath}/environments/dev/rollbacks`)
      .set('authorization', ada)
      .send({ reason: 'errors spiked' });
    expect(rollback.body.rolledBack.updatedAt).toBe(
      rollback.body.release.createdAt,
    );

    const failed = await request(app)
      .patch(`/v1/releases/${rollback.body.release.id}`)
      .set('authorization', ada)
      .send({ status: 'failed' });
    expect(failed.status).toBe(200);

    const envs = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', ada);
    expect(envs.body.environments[0]).toMatchObject({
      activeRelease: { id: second.body.id, status: 'rolled-back' },
      rollbackTarget: { id: first.body.id },
    });
    const again = await request(app)
      .post(`${entityPath}/environments/dev/rollbacks`)
      .set('authorization', ada)
      .send({ reason: 'second try' });
    expect(again.status).toBe(201);
    expect(again.body.release).toMatchObject({
      rollbackOf: second.body.id,
      artifact: { digest: DIGEST_A },
    });
  });

  it('fails the audit event of a promotion or approval refused while one deploys', async () => {
    const eventOf = async (eventId: string) => {
      const calls = auditor.createEvent.mock.calls;
      const index = calls.findLastIndex(([e]) => e.eventId === eventId);
      expect(index).toBeGreaterThanOrEqual(0);
      return auditor.createEvent.mock.results[index].value;
    };

    await request(app)
      .post(`${entityPath}/releases`)
      .set('authorization', ada)
      .send({
        environment: 'staging',
        status: 'succeeded',
        artifact: { name: 'payments-api', digest: DIGEST_A },
      });
    const asked = await request(app)
      .post(promote('prod'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(asked.status).toBe(202);
    await request(app)
      .post(`${entityPath}/releases`)
      .set('authorization', ada)
      .send({
        environment: 'prod',
        artifact: { name: 'payments-api', digest: DIGEST_C },
      });

    const approve = await request(app)
      .post(`/v1/releases/${asked.body.release.id}/approve`)
      .set('authorization', bob);
    expect(approve.status).toBe(409);
    const approveEvent = await eventOf('release-approve');
    expect(approveEvent.fail).toHaveBeenCalled();
    expect(approveEvent.success).not.toHaveBeenCalled();

    await request(app)
      .post(`${entityPath}/releases`)
      .set('authorization', ada)
      .send({
        environment: 'dev',
        artifact: { name: 'payments-api', digest: DIGEST_C },
      });
    const promoted = await request(app)
      .post(promote('dev'))
      .set('authorization', ada)
      .send({ digest: DIGEST_A });
    expect(promoted.status).toBe(409);
    const promoteEvent = await eventOf('release-promote');
    expect(promoteEvent.fail).toHaveBeenCalled();
    expect(promoteEvent.success).not.toHaveBeenCalled();
  });

  it('leaves one active release when two promotions race', async () => {
    const responses = await Promise.all(
      [DIGEST_A, DIGEST_C].map(digest =>
        request(app)
          .post(promote('dev'))
          .set('authorization', ada)
          .send({ digest }),
      ),
    );
    expect(responses.map(r => r.status).sort()).toEqual([201, 409]);
    const envs = await request(app)
      .get(`${entityPath}/environments`)
      .set('authorization', ada);
    const winner = responses.find(r => r.status === 201)!;
    expect(envs.body.environments[0].activeRelease.id).toBe(
      winner.body.release.id,
    );
    expect(
      await knex('assurance_releases').where({ status: 'deploying' }),
    ).toHaveLength(1);
  });

  it('tells the owners about a failure, and stands when the notice fails', async () => {
    const created = await recordRelease({});
    send.mockRejectedValueOnce(new Error('notifications are down'));
    const failed = await request(app)
      .patch(`/v1/releases/${created.body.id}`)
      .set('authorization', ada)
      .send({ status: 'failed', migrationStatus: 'rolled-back' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      migrationStatus: 'rolled-back',
    });
    expect(send.mock.calls[0][0].payload).toMatchObject({
      title: 'Release failed: payments-api to dev',
      severity: 'high',
    });
  });
});
