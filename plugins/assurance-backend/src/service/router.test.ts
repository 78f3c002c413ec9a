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
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { builtInGates } from '../gates/gateDefinitions';
import { DEFAULT_GATE_POLICY } from '../gates/gatePolicy';
import { IngestService } from '../ingest/IngestService';
import { defaultParsers } from '../parsers';
import { createRouter } from './router';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'real-app-forever.dev/risk-level': 'low' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const failingJunit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="PaymentTest" tests="2" failures="1">
  <testcase classname="PaymentTest" name="charges a card"/>
  <testcase classname="PaymentTest" name="refuses an expired card">
    <failure message="expected 402, got 200">stack</failure>
  </testcase>
</testsuite>`;

const passingJunit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="PaymentTest" tests="2">
  <testcase classname="PaymentTest" name="charges a card"/>
  <testcase classname="PaymentTest" name="refuses an expired card"/>
</testsuite>`;

describe('createRouter', () => {
  let app: express.Express;
  let authorize: jest.Mock;

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseEvidenceStore.create({
      database: mockServices.database({ knex }),
    });
    authorize = jest.fn(
      async (requests: unknown[]): Promise<PolicyDecision[]> =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
    const router = await createRouter({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth({
        pluginId: 'assurance',
        defaultCredentials: mockCredentials.none(),
      }),
      permissions: mockServices.permissions.mock({ authorize }),
      catalog: catalogServiceMock({ entities: [payments] }),
      auditor: mockServices.auditor.mock(),
      store,
      ingest: new IngestService({ store, parsers: () => defaultParsers }),
      policy: DEFAULT_GATE_POLICY,
      gates: builtInGates,
      maxUploadBytes: 4096,
    });
    app = express().use(router).use(mockErrorHandler());
  });

  const user = mockCredentials.user('user:default/ada');
  const asUser = {
    Authorization: mockCredentials.user.header('user:default/ada'),
  };

  function upload(
    fields: Record<string, string>,
    file?: { content: string | Buffer; name?: string },
  ) {
    const req = request(app).post('/v1/evidence').set(asUser);
    for (const [key, value] of Object.entries(fields)) {
      req.field(key, value);
    }
    if (file) {
      req.attach('file', Buffer.from(file.content), file.name ?? 'junit.xml');
    }
    return req;
  }

  describe('without credentials', () => {
    it.each([
      ['post', '/v1/evidence'],
      ['get', '/v1/evidence/some-id'],
      ['get', '/v1/evidence/some-id/content'],
      ['get', '/v1/entities/component/default/payments-api/evidence'],
      ['get', '/v1/entities/component/default/payments-api/gates'],
    ] as const)('%s %s answers 401', async (method, path) => {
      const response = await request(app)[method](path);
      expect(response.status).toBe(401);
    });
  });

  it('stores a failing report, then a passing one turns the gate green', async () => {
    const first = await upload(
      { entityRef: 'Component:Default/Payments-API', executionId: 'run-1' },
      { content: failingJunit },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      format: 'junit',
      fileName: 'junit.xml',
      size: Buffer.byteLength(failingJunit),
      executionId: 'run-1',
      uploadedBy: 'user:default/ada',
      summary: { kind: 'tests', total: 2, failed: 1 },
    });
    expect(first.body.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'assurance.evidence.create',
          }),
          resourceRef: 'component:default/payments-api',
        },
      ],
      { credentials: user },
    );

    const failed = await request(app)
      .get('/v1/entities/component/default/payments-api/gates')
      .set(asUser);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      riskLevel: 'low',
      gates: [
        {
          id: 'unit-tests',
          status: 'failed',
          reason: expect.stringContaining(
            'PaymentTest.refuses an expired card',
          ),
          evidenceIds: [first.body.id],
        },
      ],
    });

    const again = await upload(
      { entityRef: 'payments-api', executionId: 'run-1' },
      { content: failingJunit },
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const second = await upload(
      { entityRef: 'payments-api', executionId: 'run-2' },
      { content: passingJunit },
    );
    expect(second.status).toBe(201);
    const passed = await request(app)
      .get('/v1/entities/component/default/payments-api/gates')
      .set(asUser);
    expect(passed.body.gates[0]).toMatchObject({
      status: 'passed',
      evidenceIds: [second.body.id],
    });
  });

  it('records the CI service as the uploader', async () => {
    const response = await request(app)
      .post('/v1/evidence')
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('ci'),
          targetPluginId: 'assurance',
        }),
      )
      .field('entityRef', 'payments-api')
      .attach('file', Buffer.from(passingJunit), 'junit.xml');
    expect(response.status).toBe(201);
    expect(response.body.uploadedBy).toBe('ci');
  });

  describe('bad input answers 400 with what was wrong', () => {
    it.each([
      [{}, { content: passingJunit }, 'entityRef is required'],
      [
        { entityRef: 'payments-api' },
        undefined,
        'The upload has no "file" part',
      ],
      [
        { entityRef: 'payments-api', digest: 'md5' },
        { content: passingJunit },
        'digest must look like sha256:<hex>',
      ],
      [
        { entityRef: 'payments-api', format: 'pdf' },
        { content: passingJunit },
        'format must be one of junit, sarif, cyclonedx-json, npm-audit',
      ],
      [
        { entityRef: 'payments-api' },
        { content: 'hello, world' },
        'Evidence refused:',
      ],
      [
        { entityRef: 'payments-api' },
        {
          content:
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuite>&e;</testsuite>',
        },
        'DOCTYPE',
      ],
      [
        { entityRef: 'kind:' },
        { content: passingJunit },
        "Invalid entity reference 'kind:'",
      ],
    ])('%j', async (fields, file, message) => {
      const response = await upload(fields, file);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    });

    it('refuses a body that is not multipart', async () => {
      const response = await request(app)
        .post('/v1/evidence')
        .set(asUser)
        .send({ entityRef: 'payments-api' });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/multipart\/form-data/);
    });

    it('refuses a limit out of range', async () => {
      const response = await request(app)
        .get('/v1/entities/component/default/payments-api/evidence?limit=0')
        .set(asUser);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('limit must be at least 1');
    });
  });

  it('answers 413 for a file over the limit', async () => {
    const response = await upload(
      { entityRef: 'payments-api' },
      { content: Buffer.alloc(5000, 'a') },
    );
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/limit of 4096 bytes/);
  });

  it('answers 404 for an unknown entity or evidence', async () => {
    const upload404 = await upload(
      { entityRef: 'component:default/nope' },
      { content: passingJunit },
    );
    expect(upload404.status).toBe(404);
    expect(upload404.body.error.message).toBe(
      "No entity 'component:default/nope' in the catalog",
    );
    for (const path of [
      '/v1/entities/component/default/nope/gates',
      '/v1/evidence/0b7f1a52-0000-4000-8000-000000000000',
      '/v1/evidence/0b7f1a52-0000-4000-8000-000000000000/content',
    ]) {
      expect((await request(app).get(path).set(asUser)).status).toBe(404);
    }
  });

  it('answers 403 when the policy denies', async () => {
    authorize.mockImplementation(async (requests: unknown[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const denied = await upload(
      { entityRef: 'payments-api' },
      { content: passingJunit },
    );
    expect(denied.status).toBe(403);
    const gates = await request(app)
      .get('/v1/entities/component/default/payments-api/gates')
      .set(asUser);
    expect(gates.status).toBe(403);
  });

  it('serves the stored bytes with their hash, and pages the list', async () => {
    const created = await upload(
      { entityRef: 'payments-api', executionId: 'run-9' },
      { content: passingJunit, name: '../../etc/report.xml' },
    );
    expect(created.body.fileName).toBe('report.xml');

    const content = await request(app)
      .get(`/v1/evidence/${created.body.id}/content`)
      .set(asUser)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(content.status).toBe(200);
    expect(content.body.toString()).toBe(passingJunit);
    expect(content.headers['x-content-sha256']).toBe(created.body.sha256);
    expect(content.headers['content-disposition']).toBe(
      'attachment; filename="report.xml"',
    );

    const one = await request(app)
      .get(`/v1/evidence/${created.body.id}`)
      .set(asUser);
    expect(one.body).toEqual(created.body);

    await upload(
      { entityRef: 'payments-api', executionId: 'run-10' },
      { content: failingJunit },
    );
    const page1 = await request(app)
      .get('/v1/entities/component/default/payments-api/evidence?limit=1')
      .set(asUser);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await request(app)
      .get(
        `/v1/entities/component/default/payments-api/evidence?limit=1&cursor=${page1.body.nextCursor}`,
      )
      .set(asUser);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeUndefined();
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
  });
});
