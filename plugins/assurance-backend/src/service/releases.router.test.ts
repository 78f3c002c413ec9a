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

import {
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  DefinitivePolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EffectivePolicy,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { EvidenceStore } from '../database/EvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import {
  DIGEST_A,
  DIGEST_B,
  record,
  tests,
} from '../gates/__testUtils__/fixtures';
import { resolveEntityEnvironments } from '../policy/entityEnvironments';
import { PolicyService } from '../policy/PolicyService';
import { DatabaseReleaseStore } from '../releases/DatabaseReleaseStore';
import { ReleaseNotifier } from '../releases/ReleaseNotifier';
import { ReleaseService } from '../releases/ReleaseService';
import { EntityAccess } from './EntityAccess';
import { createReleasesRouter } from './releases.router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

/** Payments, with a qa stage of its own or with a broken annotation. */
const annotated = (name: string, environments: string): Entity => ({
  ...payments,
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'real-app-forever.dev/environments': environments },
  },
});

const policyService: PolicyService = {
  listEnvironments: entity =>
    resolveEntityEnvironments({
      entity,
      configured: ['dev', 'staging', 'prod'],
    }).environments,
  getEffectivePolicy: async () =>
    ({
      entityRef: 'component:default/payments-api',
      riskLevel: 'high',
      version: 'policy-v1',
      requiredGates: [{ value: 'unit-tests', source: { layer: 'platform' } }],
      gates: {},
      maxOverrideDays: 14,
      refused: [],
    } satisfies EffectivePolicy),
};

/** Passes when the digest's test report has no failures. */
const unitTests: GateDefinition = {
  id: 'unit-tests',
  title: 'Unit tests',
  formats: ['junit'],
  missingRemediation: 'Upload a JUnit report',
  evaluate: evidence =>
    evidence.some(e => e.summary.kind === 'tests' && e.summary.failed > 0)
      ? { status: 'failed', reason: '1 test failed', remediation: 'Fix it' }
      : { status: 'passed', reason: 'all tests passed', remediation: '' },
};

const DIGEST_C = `sha256:${'c'.repeat(64)}`;
const DIGEST_UNKNOWN = `sha256:${'e'.repeat(64)}`;
const evidence: EvidenceRecord[] = [
  record(tests(0), { digest: DIGEST_A }),
  record(tests(0), { digest: DIGEST_C }),
  record(tests(1), { digest: DIGEST_B }),
];

const ada = mockCredentials.user.header('user:default/ada');
const bob = mockCredentials.user.header('user:default/bob');
const entityPath = '/v1/entities/component/default/payments-api';
const promote = (env: string) => `${entityPath}/environments/${env}/promotions`;

describe.each(databases.eachSupportedId())('createReleasesRouter on %p', id => {
  let app: express.Express;
  let knex: Knex;
  let denied: Set<string>;
  let send: jest.Mock;

  beforeEach(async () => {
    knex = await databases.init(id);
    const database = mockServices.database({ knex });
    const evidenceStore = await DatabaseEvidenceStore.create({ database });
    denied = new Set();
    send = jest.fn(async () => {});
    const authorize = jest.fn(
      async (requests: unknown[]): Promise<DefinitivePolicyDecision[]> =>
        (requests as Array<{ permission: { name: string } }>).map(
          ({ permission }) => ({
            result: denied.has(permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          }),
        ),
    );
    const access = new EntityAccess({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        pluginId: 'assurance',
        defaultCredentials: mockCredentials.none(),
      }),
      permissions: mockServices.permissions.mock({ authorize }),
      catalog: catalogServiceMock({
        entities: [
          payments,
          annotated('orders-api', 'dev, qa, prod'),
          annotated('broken-api', 'dev, QA'),
        ],
      }),
    });
    // The real store, but with the artifacts and evidence of this test.
    const store: EvidenceStore = Object.assign(Object.create(evidenceStore), {
      listArtifacts: async () =>
        [DIGEST_A, DIGEST_B, DIGEST_C].map(digest => ({
          entityRef: 'component:default/payments-api',
          digest,
          name: 'payments-api',
          version: '1.0.0',
          evidenceCount: 1,
          firstSeenAt: '2026-12-03T11:00:00.000Z',
          lastSeenAt: '2026-12-03T11:00:00.000Z',
        })),
      listEvidenceForDigest: async ({ digest }: { digest: string }) =>
        evidence.filter(e => e.digest === digest),
    });
    const releases = await DatabaseReleaseStore.create({ database });
    const releaseService = new ReleaseService({
      releases,
      store,
      policyService,
      overrides: { listOverrides: async () => [] },
      gates: new Map([['unit-tests', unitTests]]),
      config: { rules: { qa: { requireApproval: true } }, approvalDays: 7 },
    });
    const router = createReleasesRouter({
      access,
      releases,
      releaseService,
      notifier: new ReleaseNotifier({
        notifications: { send },
        logger: mockServices.logger.mock(),
      }),
      auditor: mockServices.auditor.mock(),
    });
    app = express().use(express.json()).use(router).use(mockErrorHandler());
  });

  async function auditActions(): Promise<string[]> {
    expect((await verifyAuditChain(knex)).valid).toBe(true);
    const rows = await knex('assurance_audit_log').orderBy('seq', 'asc');
    return rows.map(row => row.action);
  }

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
    expect(await auditActions()).toEqual([
      'release.record',
      'release.record',
      'release.rollback',
    ]);
    expect(send.mock.calls.map(([n]) => n.payload.title)).toEqual([
      'Rolled back: payments-api to dev',
    ]);
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
