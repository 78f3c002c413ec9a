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

import { TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import {
  DIGEST_A,
  DIGEST_C,
  ada,
  createReleaseTestApp,
  entityPath,
} from './__testUtils__/releaseTestApp';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

// A Thursday; its week starts on Monday 2026-11-30.
const NOW = new Date('2026-12-03T15:30:00.000Z');
const minutesFromNow = (minutes: number) =>
  new Date(NOW.getTime() + minutes * 60_000).toISOString();
const daysAgo = (days: number) => minutesFromNow(-days * 24 * 60);

describe.each(databases.eachSupportedId())(
  'release history routes on %p',
  id => {
    let app: express.Express;
    let denied: Set<string>;
    let evidenceStore: DatabaseEvidenceStore;

    beforeEach(async () => {
      ({ app, denied, evidenceStore } = await createReleaseTestApp({
        databases,
        id,
        now: () => NOW,
      }));
    });

    function recordRelease(body: object, path = entityPath) {
      return request(app)
        .post(`${path}/releases`)
        .set('authorization', ada)
        .send({
          environment: 'prod',
          status: 'succeeded',
          artifact: { name: 'payments-api', digest: DIGEST_A },
          ...body,
        });
    }

    const get = (path: string) =>
      request(app).get(path).set('authorization', ada);

    async function upload(
      entityRef = 'component:default/payments-api',
      digest?: string,
    ) {
      const evidenceId = crypto.randomUUID();
      await evidenceStore.insertEvidence({
        evidence: {
          id: evidenceId,
          entityRef,
          format: 'junit',
          fileName: 'smoke.xml',
          sha256: evidenceId.replace(/-/g, '').padEnd(64, '0'),
          size: 12,
          uploadedBy: 'user:default/ada',
          uploadedAt: NOW,
          summary: {
            kind: 'tests',
            total: 1,
            passed: 1,
            failed: 0,
            errored: 0,
            skipped: 0,
            failures: [],
          },
          content: Buffer.from('<testsuite/>'),
          ...(digest && {
            digest,
            artifacts: [{ digest, relation: 'declared' as const }],
          }),
        },
        audit: { actor: 'user:default/ada', action: 'upload', details: {} },
      });
      return evidenceId;
    }

    it.each([
      `${entityPath}/releases?environment=prod`,
      `${entityPath}/releases/measures`,
    ])('answers 401 to GET %s without credentials', async path => {
      expect((await request(app).get(path)).status).toBe(401);
    });

    it('answers 403 to the measures without assurance.evidence.read', async () => {
      denied.add('assurance.evidence.read');
      expect((await get(`${entityPath}/releases/measures`)).status).toBe(403);
    });

    it('records a deployment that happened earlier', async () => {
      const res = await recordRelease({ deployedAt: daysAgo(2) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'succeeded',
        createdAt: daysAgo(2),
        updatedAt: NOW.toISOString(),
      });
      // A pipeline clock a little ahead is fine.
      const ahead = await recordRelease({
        deployedAt: minutesFromNow(4),
        artifact: { name: 'payments-api', digest: DIGEST_C },
      });
      expect(ahead.status).toBe(201);
    });

    it.each([
      [
        { deployedAt: minutesFromNow(6) },
        `deployedAt ${minutesFromNow(
          6,
        )} is in the future: it may be at most 5 minutes after the server's time (${NOW.toISOString()})`,
      ],
      [
        { deployedAt: '1969-07-20T20:17:00Z' },
        'deployedAt 1969-07-20T20:17:00Z is before 2000-01-01T00:00:00.000Z',
      ],
      [
        { deployedAt: 'yesterday' },
        'deployedAt must be an ISO 8601 date-time with a time zone',
      ],
      [
        { deployedAt: '2026-12-01T10:00:00' },
        'deployedAt must be an ISO 8601 date-time with a time zone',
      ],
      [
        { evidenceIds: ['not-a-uuid'] },
        'evidenceIds must hold evidence ids (UUIDs)',
      ],
      [{ evidenceIds: 'abc' }, 'evidenceIds must be a list of evidence ids'],
    ])('answers 400 to %j', async (body, message) => {
      const res = await recordRelease(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });

    it('keeps the active release when an older success is imported', async () => {
      const active = await recordRelease({ deployedAt: daysAgo(1) });
      const imported = await recordRelease({
        deployedAt: daysAgo(3),
        artifact: { name: 'payments-api', digest: DIGEST_C },
      });
      expect(imported.status).toBe(201);
      expect(imported.body.status).toBe('superseded');
      const envs = await get(`${entityPath}/environments`);
      expect(envs.body.environments[2].activeRelease).toMatchObject({
        id: active.body.id,
        status: 'succeeded',
      });

      const deploying = await recordRelease({
        status: 'deploying',
        deployedAt: daysAgo(5),
      });
      expect(deploying.status).toBe(400);
      expect(deploying.body.error.message).toMatch(
        /is before the active release of prod .*can only be recorded as succeeded or failed/,
      );
    });

    it('links evidence of the entity and names the ids that are not', async () => {
      const smoke = await upload();
      const build = await upload(undefined, DIGEST_A);
      const theirs = await upload('component:default/orders-api');
      const missing = crypto.randomUUID();

      const refused = await recordRelease({
        evidenceIds: [smoke, theirs, missing],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        `evidenceIds must be evidence of component:default/payments-api; unknown: ${theirs}, ${missing}`,
      );

      const res = await recordRelease({
        evidenceIds: [smoke.toUpperCase(), smoke],
      });
      expect(res.status).toBe(201);
      expect(res.body.evidenceIds).toEqual([smoke, build]);
      const listed = await get(`${entityPath}/releases`);
      expect(listed.body.items[0].evidenceIds).toEqual([smoke, build]);
    });

    it('filters the history', async () => {
      await recordRelease({ environment: 'dev', deployedAt: daysAgo(9) });
      const failed = await recordRelease({
        status: 'failed',
        deployedAt: daysAgo(4),
      });
      const ok = await recordRelease({ deployedAt: daysAgo(1) });
      const ids = async (query: string) => {
        const res = await get(`${entityPath}/releases?${query}`);
        expect(res.status).toBe(200);
        return res.body.items.map((r: { id: string }) => r.id);
      };
      expect(await ids('environment=prod')).toEqual([
        ok.body.id,
        failed.body.id,
      ]);
      expect(await ids('status=failed, rolled-back')).toEqual([failed.body.id]);
      expect(
        await ids(`since=${encodeURIComponent(daysAgo(5))}&environment=prod`),
      ).toEqual([ok.body.id, failed.body.id]);
      expect(await ids(`since=${encodeURIComponent(daysAgo(2))}`)).toEqual([
        ok.body.id,
      ]);

      const first = await get(
        `${entityPath}/releases?environment=prod&limit=1`,
      );
      expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([
        ok.body.id,
      ]);
      const second = await get(
        `${entityPath}/releases?environment=prod&limit=1&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items.map((r: { id: string }) => r.id)).toEqual([
        failed.body.id,
      ]);
      expect(second.body.nextCursor).toBeUndefined();
    });

    it.each([
      [
        'environment=qa',
        "Unknown environment 'qa', known environments are dev, staging, prod",
      ],
      ['status=done', 'status must be a comma-separated list of'],
      ['since=last-week', 'since must be an ISO 8601 date-time'],
      ['limit=0', 'limit must be at least 1'],
      ['limit=500', 'limit must be at most 200'],
      ['cursor=abc', 'cursor is not one this API handed out'],
    ])('answers 400 to the history ?%s', async (query, message) => {
      const res = await get(`${entityPath}/releases?${query}`);
      expect(res.status).toBe(400);
      // The message leads with the field, not a path such as `status.0`.
      expect(res.body.error.message.indexOf(message)).toBe(0);
    });

    it('measures deployments and failures of production by week', async () => {
      await recordRelease({ deployedAt: daysAgo(9) }); // week of 11-23
      await recordRelease({ status: 'failed', deployedAt: daysAgo(8) });
      await recordRelease({ deployedAt: daysAgo(2) }); // this week
      await recordRelease({ environment: 'dev', deployedAt: daysAgo(2) });

      const res = await get(`${entityPath}/releases/measures?weeks=2`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        environment: 'prod',
        weeks: 2,
        from: '2026-11-23T00:00:00.000Z',
        to: NOW.toISOString(),
        buckets: [
          {
            start: '2026-11-23T00:00:00.000Z',
            deployments: 2,
            failures: 1,
            changeFailureRate: 0.5,
          },
          {
            start: '2026-11-30T00:00:00.000Z',
            deployments: 1,
            failures: 0,
            changeFailureRate: 0,
          },
        ],
        totals: {
          deployments: 3,
          failures: 1,
          changeFailureRate: 1 / 3,
          deploymentsPerWeek: 1.5,
        },
      });

      const dev = await get(
        `${entityPath}/releases/measures?environment=dev&weeks=1`,
      );
      expect(dev.body.totals.deployments).toBe(1);
      const twelve = await get(`${entityPath}/releases/measures`);
      expect(twelve.body.buckets).toHaveLength(12);
    });

    it("defaults the measures to the entity's last environment", async () => {
      await recordRelease(
        { environment: 'live', deployedAt: daysAgo(1) },
        '/v1/entities/component/default/shop-web',
      );
      const res = await get(
        '/v1/entities/component/default/shop-web/releases/measures?weeks=1',
      );
      expect(res.body).toMatchObject({
        environment: 'live',
        totals: { deployments: 1 },
      });
    });

    it.each([
      ['weeks=0', 'weeks must be a whole number from 1 to 52'],
      ['weeks=53', 'weeks must be a whole number from 1 to 52'],
      ['weeks=1.5', 'weeks must be a whole number from 1 to 52'],
      ['weeks=many', 'weeks must be a whole number from 1 to 52'],
      [
        'environment=qa',
        "Unknown environment 'qa', known environments are dev, staging, prod",
      ],
    ])('answers 400 to the measures ?%s', async (query, message) => {
      const res = await get(`${entityPath}/releases/measures?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });
  },
);
