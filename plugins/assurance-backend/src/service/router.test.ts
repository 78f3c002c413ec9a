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
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import express from 'express';
import JSZip from 'jszip';
import { Knex } from 'knex';
import { verifyAuditChain } from '../database/auditLog';
import request from 'supertest';
import {
  createTestApp,
  createTestContext,
  createTestRouter,
  paymentsEntity,
} from './__testUtils__/createTestApp';

const payments = paymentsEntity({
  annotations: { 'real-app-forever.dev/risk-level': 'low' },
});

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
  let knex: Knex;

  beforeEach(async () => {
    const context = await createTestContext({ entities: [payments] });
    ({ knex, authorize } = context);
    const router = await createTestRouter({ context, maxUploadBytes: 4096 });
    app = createTestApp({ routers: [router] });
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
        'format must be one of junit, tap, sarif',
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

  describe('lifecycle', () => {
    async function stored(content = passingJunit, executionId = 'run-1') {
      const response = await upload(
        {
          entityRef: 'payments-api',
          executionId,
          artifact: 'payments-api',
          version: '1.4.2',
          digest: `sha256:${'ab'.repeat(32)}`,
        },
        { content },
      );
      expect(response.status).toBe(201);
      return response.body;
    }

    it('re-hashes the stored bytes', async () => {
      const record = await stored();
      const response = await request(app)
        .get(`/v1/evidence/${record.id}/verify`)
        .set(asUser);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: record.id,
        expectedSha256: record.sha256,
        actualSha256: record.sha256,
        matches: true,
        size: record.size,
      });
    });

    it('records links to evidence kept elsewhere, and cannot re-hash them', async () => {
      const body = {
        entityRef: 'payments-api',
        format: 'cyclonedx-json',
        url: 'https://artifacts.example.com/payments/1.4.2/bom.json',
        sha256: 'C'.repeat(64),
        size: 1234,
        executionId: 'run-2',
      };
      const created = await request(app)
        .post('/v1/evidence/links')
        .set(asUser)
        .send(body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        storage: 'link',
        url: body.url,
        sha256: 'c'.repeat(64),
        size: 1234,
        fileName: 'bom.json',
        summary: { kind: 'link', url: body.url },
      });
      const again = await request(app)
        .post('/v1/evidence/links')
        .set(asUser)
        .send(body);
      expect(again.status).toBe(200);

      const verify = await request(app)
        .get(`/v1/evidence/${created.body.id}/verify`)
        .set(asUser);
      expect(verify.status).toBe(400);
      expect(verify.body.error.message).toMatch(/kept elsewhere/);

      const bad = await request(app)
        .post('/v1/evidence/links')
        .set(asUser)
        .send({ ...body, url: 'ftp://x', sha256: 'nope', size: -1 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        'url must be an http(s) URL; sha256 must be 64 hex characters; size must not be negative',
      );

      // A gate never passes on facts the backend has not read.
      const gates = await request(app)
        .get('/v1/entities/component/default/payments-api/gates')
        .set(asUser);
      expect(gates.status).toBe(200);
    });

    it('lists artifacts and filters evidence by them', async () => {
      const record = await stored();
      await stored(failingJunit, 'run-3');
      const artifacts = await request(app)
        .get('/v1/entities/component/default/payments-api/artifacts')
        .set(asUser);
      expect(artifacts.body.items).toEqual([
        expect.objectContaining({
          digest: `sha256:${'ab'.repeat(32)}`,
          name: 'payments-api',
          version: '1.4.2',
          evidenceCount: 2,
        }),
      ]);

      const filtered = await request(app)
        .get(
          '/v1/entities/component/default/payments-api/evidence?executionId=run-1&format=junit',
        )
        .set(asUser);
      expect(filtered.body.items.map((e: { id: string }) => e.id)).toEqual([
        record.id,
      ]);
    });

    it('deletes with a reason, audited, and only with permission', async () => {
      const record = await stored();
      const noReason = await request(app)
        .delete(`/v1/evidence/${record.id}`)
        .set(asUser);
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toBe('reason is required');

      authorize.mockImplementationOnce(async (requests: unknown[]) =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
      );
      const denied = await request(app)
        .delete(`/v1/evidence/${record.id}`)
        .set(asUser)
        .send({ reason: 'uploaded to the wrong entity' });
      expect(denied.status).toBe(403);

      const deleted = await request(app)
        .delete(`/v1/evidence/${record.id}`)
        .set(asUser)
        .send({ reason: 'uploaded to the wrong entity' });
      expect(deleted.status).toBe(204);
      expect(authorize).toHaveBeenLastCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'assurance.evidence.delete',
            }),
            resourceRef: 'component:default/payments-api',
          },
        ],
        { credentials: user },
      );
      const gone = await request(app)
        .get(`/v1/evidence/${record.id}`)
        .set(asUser);
      expect(gone.status).toBe(404);
      const audit = await knex('assurance_audit_log')
        .where({ action: 'evidence.delete' })
        .first();
      expect(JSON.parse(audit.details)).toMatchObject({
        reason: 'uploaded to the wrong entity',
      });
      expect(await verifyAuditChain(knex)).toMatchObject({ valid: true });
    });

    it('exports every file with a manifest of hashes', async () => {
      const first = await stored();
      const second = await stored(failingJunit, 'run-2');
      const response = await request(app)
        .get('/v1/entities/component/default/payments-api/evidence/export')
        .set(asUser)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');

      const zip = await JSZip.loadAsync(response.body);
      const manifest = JSON.parse(
        await zip.file('manifest.json')!.async('string'),
      );
      expect(manifest.entityRef).toBe('component:default/payments-api');
      expect(manifest.evidence.map((e: { id: string }) => e.id)).toEqual([
        first.id,
        second.id,
      ]);
      for (const entry of manifest.evidence) {
        const bytes = await zip.file(entry.path)!.async('nodebuffer');
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(
          entry.sha256,
        );
      }
    });

    it('unpacks gzip uploads within the limit only', async () => {
      const packed = gzipSync(Buffer.from(passingJunit));
      const ok = await upload(
        { entityRef: 'payments-api' },
        { content: packed, name: 'junit.xml.gz' },
      );
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        fileName: 'junit.xml',
        size: Buffer.byteLength(passingJunit),
        summary: { kind: 'tests', total: 2 },
      });

      const bomb = gzipSync(Buffer.alloc(100_000, ' '));
      expect(bomb.length).toBeLessThan(4096);
      const refused = await upload(
        { entityRef: 'payments-api' },
        { content: bomb, name: 'bomb.xml.gz' },
      );
      expect(refused.status).toBe(413);
      expect(refused.body.error.message).toMatch(/unpacks to more than/);
    });
  });
});
