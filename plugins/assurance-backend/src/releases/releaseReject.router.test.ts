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
import request from 'supertest';
import {
  DIGEST_A,
  ada,
  bob,
  createReleaseTestApp,
  entityPath,
} from './__testUtils__/releaseTestApp';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'rejecting a promotion request on %p',
  id => {
    let app: express.Express;
    let denied: Set<string>;
    let send: jest.Mock;
    let auditActions: () => Promise<string[]>;
    let auditor: ReturnType<typeof mockServices.auditor.mock>;

    beforeEach(async () => {
      ({ app, denied, send, auditActions, auditor } =
        await createReleaseTestApp({ databases, id }));
    });

    /** Staging ran DIGEST_A; Ada asks to promote it to prod. */
    async function askForProd(): Promise<string> {
      await request(app)
        .post(`${entityPath}/releases`)
        .set('authorization', ada)
        .send({
          environment: 'staging',
          artifact: {
            name: 'payments-api',
            version: '1.0.0',
            digest: DIGEST_A,
          },
          status: 'succeeded',
        });
      const asked = await request(app)
        .post(`${entityPath}/environments/prod/promotions`)
        .set('authorization', ada)
        .send({ digest: DIGEST_A });
      expect(asked.status).toBe(202);
      return asked.body.release.id;
    }

    /** The history's releases in any of `status`, as Ada sees them. */
    const history = (status: string) =>
      request(app)
        .get(`${entityPath}/releases`)
        .query({ status })
        .set('authorization', ada);

    const reject = (releaseId: string, as: string, body: object) =>
      request(app)
        .post(`/v1/releases/${releaseId}/reject`)
        .set('authorization', as)
        .send(body);

    it('answers 401 without credentials', async () => {
      const res = await request(app).post('/v1/releases/x/reject').send({});
      expect(res.status).toBe(401);
    });

    it('lets an approver reject it with a reason, which ends the request', async () => {
      const releaseId = await askForProd();

      const noReason = await reject(releaseId, bob, { reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toContain('reason is required');
      denied.add('assurance.release.approve');
      const notApprover = await reject(releaseId, bob, { reason: 'no' });
      expect(notApprover.status).toBe(403);
      expect(notApprover.body.error.message).toBe(
        'Only its requester (user:default/ada) may withdraw this request; rejecting it needs assurance.release.approve on component:default/payments-api',
      );
      denied.clear();

      const rejected = await reject(releaseId, bob, {
        reason: 'staging was rolled back since',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        rejectedBy: 'user:default/bob',
        rejectionReason: 'staging was rolled back since',
      });

      const envs = await request(app)
        .get(`${entityPath}/environments`)
        .set('authorization', ada);
      expect(envs.body.environments[2].pendingApprovals).toEqual([]);
      expect((await history('pending-approval')).body.items).toEqual([]);
      expect(
        (await history('rejected')).body.items.map((r: any) => r.id),
      ).toEqual([releaseId]);
      const approve = await request(app)
        .post(`/v1/releases/${releaseId}/approve`)
        .set('authorization', bob);
      expect(approve.status).toBe(409);
      expect(approve.body.error.message).toBe(
        `Release ${releaseId} no longer waits for approval: it is rejected`,
      );
      expect((await reject(releaseId, bob, { reason: 'again' })).status).toBe(
        409,
      );
      // The digest may be asked for again.
      const again = await request(app)
        .post(`${entityPath}/environments/prod/promotions`)
        .set('authorization', ada)
        .send({ digest: DIGEST_A });
      expect(again.status).toBe(202);

      expect(await auditActions()).toEqual([
        'release.record',
        'release.promote',
        'release.reject',
        'release.promote',
      ]);
      expect(send.mock.calls.map(([n]) => n.payload.title)).toContain(
        'Promotion rejected: payments-api to prod',
      );
      expect(
        auditor.createEvent.mock.calls.map(([event]) => event.eventId),
      ).toContain('release-reject');
    });

    it('lets the requester withdraw it with the right to promote', async () => {
      const releaseId = await askForProd();
      denied.add('assurance.release.promote');
      expect((await reject(releaseId, ada, { reason: 'wrong' })).status).toBe(
        403,
      );
      denied.clear();
      // Withdrawing needs no right to approve.
      denied.add('assurance.release.approve');
      const withdrawn = await reject(releaseId, ada, {
        reason: 'asked for the wrong build',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        status: 'withdrawn',
        rejectedBy: 'user:default/ada',
      });
      expect((await auditActions()).at(-1)).toBe('release.withdraw');
    });

    it('reads a request nobody approved in time as expired', async () => {
      let clock = new Date();
      ({ app } = await createReleaseTestApp({
        databases,
        id,
        now: () => clock,
      }));
      const releaseId = await askForProd();
      clock = new Date(clock.getTime() + 8 * 24 * 3600_000);

      expect((await history('pending-approval')).body.items).toEqual([]);
      const [expired] = (await history('expired')).body.items;
      expect(expired).toMatchObject({ id: releaseId, status: 'expired' });
      const envs = await request(app)
        .get(`${entityPath}/environments`)
        .set('authorization', ada);
      expect(envs.body.environments[2].pendingApprovals).toEqual([]);
      expect((await reject(releaseId, bob, { reason: 'late' })).status).toBe(
        409,
      );
    });

    it('answers 404 for an unknown release', async () => {
      const res = await reject('00000000-0000-4000-8000-000000000999', bob, {
        reason: 'x',
      });
      expect(res.status).toBe(404);
    });
  },
);
