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

import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { ReleaseStatus } from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { DatabaseEvidenceStore } from '../database/DatabaseEvidenceStore';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { NewEvidence } from '../database/EvidenceStore';
import { verifyAuditChain } from '../database/auditLog';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';
import {
  at,
  audit,
  createReleaseFactory,
  createReleaseTestDatabases,
  digestOf,
  entityRef,
} from './__testUtils__/releaseFixtures';

jest.setTimeout(60_000);

const databases = createReleaseTestDatabases();
const { newRelease, next } = createReleaseFactory({
  status: 'succeeded',
  minutesApart: 10,
});

function evidence(overrides: Partial<NewEvidence> = {}): NewEvidence {
  const id = crypto.randomUUID();
  const n = next();
  return {
    id,
    entityRef,
    format: 'junit',
    fileName: 'junit.xml',
    sha256: id.replace(/-/g, '').padEnd(64, '0'),
    size: 12,
    uploadedBy: 'user:default/ada',
    uploadedAt: at(n),
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
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseReleaseStore history on %p',
  id => {
    let knex: Knex;
    let store: DatabaseReleaseStore;
    let evidenceStore: DatabaseEvidenceStore;

    beforeEach(async () => {
      knex = await databases.init(id);
      const database = mockServices.database({ knex });
      evidenceStore = await DatabaseEvidenceStore.create({ database });
      store = await DatabaseReleaseStore.create({ database });
    });

    async function upload(overrides: Partial<NewEvidence> = {}) {
      const e = evidence(overrides);
      await evidenceStore.insertEvidence({ evidence: e, audit });
      return e.id;
    }

    const statusOf = async (releaseId: string) =>
      (await store.getRelease({ id: releaseId }))?.status;

    it('answers the linked evidence, then the digest’s, in every read', async () => {
      const named = await upload({
        digest: digestOf('a'),
        artifacts: [{ digest: digestOf('a'), relation: 'declared' }],
      });
      const newer = await upload({
        digest: digestOf('a'),
        artifacts: [{ digest: digestOf('a'), relation: 'declared' }],
      });
      const smoke = await upload();
      const log = await upload();
      await upload({
        entityRef: 'component:default/web',
        digest: digestOf('a'),
        artifacts: [{ digest: digestOf('a'), relation: 'declared' }],
      });

      const created = await store.createRelease({
        release: newRelease({ evidenceIds: [log, smoke, named] }),
        audit,
      });
      const expected = [log, smoke, named, newer];
      expect(created.evidenceIds).toEqual(expected);
      expect((await store.getRelease({ id: created.id }))?.evidenceIds).toEqual(
        expected,
      );
      const other = await store.createRelease({
        release: newRelease({ artifact: { name: 'p', digest: digestOf('b') } }),
        audit,
      });
      expect(other.evidenceIds).toEqual([]);
      const listed = await store.listReleases({ entityRef });
      expect(listed.map(r => [r.id, r.evidenceIds])).toEqual([
        [other.id, []],
        [created.id, expected],
      ]);

      // Evidence that retention deletes leaves the answers.
      const lifecycle = await DatabaseLifecycleStore.create({
        database: mockServices.database({ knex }),
      });
      await lifecycle.deleteEvidence({ id: smoke, audit, now: at(5000) });
      expect((await store.getRelease({ id: created.id }))?.evidenceIds).toEqual(
        [log, named, newer],
      );
    });

    it('lists any number of releases with three queries', async () => {
      const linked = await upload();
      for (let i = 0; i < 12; i += 1) {
        await store.createRelease({
          release: newRelease({
            artifact: { name: 'p', digest: digestOf(i.toString(16)) },
            evidenceIds: [linked],
          }),
          audit,
        });
      }
      let queries = 0;
      const count = () => {
        queries += 1;
      };
      knex.on('query', count);
      const listed = await store.listReleases({ entityRef });
      knex.off('query', count);
      expect(listed).toHaveLength(12);
      expect(listed.every(r => r.evidenceIds[0] === linked)).toBe(true);
      expect(queries).toBe(3);
    });

    it('names the ids that are not evidence of the entity', async () => {
      const mine = await upload();
      const theirs = await upload({ entityRef: 'component:default/web' });
      const missing = crypto.randomUUID();
      await expect(
        store.findUnknownEvidence({ entityRef, ids: [mine, theirs, missing] }),
      ).resolves.toEqual([theirs, missing]);
      await expect(
        store.findUnknownEvidence({ entityRef, ids: [] }),
      ).resolves.toEqual([]);
    });

    it('filters by environment, statuses and time', async () => {
      const dev = await store.createRelease({
        release: newRelease({ environment: 'dev' }),
        audit,
      });
      const failed = await store.createRelease({
        release: newRelease({ status: 'failed' }),
        audit,
      });
      const ok = await store.createRelease({ release: newRelease(), audit });
      const ids = async (filter: object) =>
        (await store.listReleases({ entityRef, filter })).map(r => r.id);

      expect(await ids({})).toEqual([ok.id, failed.id, dev.id]);
      expect(await ids({ environment: 'prod' })).toEqual([ok.id, failed.id]);
      expect(await ids({ status: ['failed', 'succeeded'] })).toEqual([
        ok.id,
        failed.id,
        dev.id,
      ]);
      expect(await ids({ environment: 'prod', status: ['failed'] })).toEqual([
        failed.id,
      ]);
      expect(await ids({ since: failed.createdAt })).toEqual([
        ok.id,
        failed.id,
      ]);
      expect(await ids({ since: at(100_000).toISOString() })).toEqual([]);
    });

    it('pages newest first, ties broken by id, and refuses a made-up cursor', async () => {
      // Back-dated to one instant, so that only the id orders them.
      const same = at(50);
      const made = [];
      for (let i = 0; i < 3; i++) {
        made.push(
          await store.createRelease({
            release: newRelease({
              createdAt: same,
              status: 'failed',
              artifact: { name: 'p', digest: digestOf(`t${i}`) },
            }),
            audit,
            now: at(5000),
          }),
        );
      }
      const newest = await store.createRelease({
        release: newRelease(),
        audit,
      });
      const everything = await store.listReleases({ entityRef });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listReleasePage({
          entityRef,
          limit: 2,
          cursor,
        });
        seen.push(...page.items.map(r => r.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(2);
      expect(seen).toEqual(everything.map(r => r.id));
      expect(seen[0]).toBe(newest.id);
      expect(new Set(seen)).toEqual(
        new Set([newest.id, ...made.map(r => r.id)]),
      );

      const filtered = await store.listReleasePage({
        entityRef,
        filter: { status: ['failed'] },
        limit: 3,
      });
      expect(filtered.items).toHaveLength(3);
      expect(filtered.nextCursor).toBeUndefined();

      await expect(
        store.listReleasePage({ entityRef, limit: 2, cursor: 'not-ours' }),
      ).rejects.toThrow(InputError);
    });

    it('imports an older success as superseded, keeping the active release', async () => {
      const active = await store.createRelease({
        release: newRelease({ createdAt: at(1000) }),
        audit,
      });
      const old = await store.createRelease({
        release: newRelease({
          createdAt: at(500),
          artifact: { name: 'p', digest: digestOf('b') },
        }),
        audit: { ...audit, subjectId: 'imported' },
        now: at(2000),
      });
      expect(old).toMatchObject({
        status: 'superseded',
        createdAt: at(500).toISOString(),
        updatedAt: at(2000).toISOString(),
      });
      expect(await statusOf(active.id)).toBe('succeeded');
      expect(await store.listActive({ entityRef })).toEqual({
        prod: active.id,
      });
      const [entry] = await knex('assurance_audit_log')
        .where({ subject_id: 'imported' })
        .select('details');
      expect(JSON.parse(entry.details)).toMatchObject({
        storedAs: 'superseded',
      });
      expect((await verifyAuditChain(knex)).valid).toBe(true);

      // A newer one is not history: it takes over as before.
      const newest = await store.createRelease({
        release: newRelease({ createdAt: at(3000) }),
        audit,
      });
      expect(await store.listActive({ entityRef })).toEqual({
        prod: newest.id,
      });
      expect(await statusOf(active.id)).toBe('superseded');
    });

    it('refuses an older deploying release, and keeps an older failure', async () => {
      await store.createRelease({
        release: newRelease({ createdAt: at(1000) }),
        audit,
      });
      await expect(
        store.createRelease({
          release: newRelease({ status: 'deploying', createdAt: at(10) }),
          audit,
        }),
      ).rejects.toThrow(InputError);
      const failed = await store.createRelease({
        release: newRelease({ status: 'failed', createdAt: at(10) }),
        audit,
      });
      expect(failed.status).toBe('failed');
      expect(await knex('assurance_releases')).toHaveLength(2);
    });

    it('makes an imported success the fallback of a deploying release when it is the newest that ran', async () => {
      const before = await store.createRelease({
        release: newRelease({ createdAt: at(100) }),
        audit,
      });
      const deploying = await store.createRelease({
        release: newRelease({
          status: 'deploying',
          createdAt: at(1000),
          artifact: { name: 'p', digest: digestOf('c') },
        }),
        audit,
      });
      const older = await store.createRelease({
        release: newRelease({ createdAt: at(50) }),
        audit,
      });
      expect(older.status).toBe('superseded');

      const imported = await store.createRelease({
        release: newRelease({
          createdAt: at(500),
          artifact: { name: 'p', digest: digestOf('b') },
        }),
        audit,
      });
      expect(imported.status).toBe('succeeded');
      expect(await statusOf(before.id)).toBe('superseded');
      expect(await store.listActive({ entityRef })).toEqual({
        prod: deploying.id,
      });

      await store.updateRelease({
        id: deploying.id,
        status: 'failed',
        now: at(1100),
        audit,
      });
      expect(await store.listActive({ entityRef })).toEqual({
        prod: imported.id,
      });
    });

    it('lists finished deployments of one environment since a time', async () => {
      await store.createRelease({
        release: newRelease({ createdAt: at(100) }),
        audit,
      });
      await store.createRelease({
        release: newRelease({ createdAt: at(200), status: 'failed' }),
        audit,
      });
      await store.createRelease({
        release: newRelease({ createdAt: at(300), environment: 'dev' }),
        audit,
      });
      await store.createRelease({
        release: newRelease({
          createdAt: at(400),
          status: 'pending-approval',
          approvalExpiresAt: at(500),
        }),
        audit,
      });
      const deployments = await store.listDeployments({
        entityRef,
        environment: 'prod',
        since: at(150),
      });
      expect(deployments).toEqual([
        {
          environment: 'prod',
          status: 'failed',
          createdAt: at(200).toISOString(),
        },
      ]);
    });

    it('hands each lapsed approval to one claimant, audited', async () => {
      const lapsed = await store.createRelease({
        release: newRelease({
          status: 'pending-approval',
          createdAt: at(0),
          approvalExpiresAt: at(60),
        }),
        audit,
      });
      const open = await store.createRelease({
        release: newRelease({
          status: 'pending-approval',
          createdAt: at(1),
          approvalExpiresAt: at(600),
        }),
        audit,
      });
      expect(
        await store.listLapsedApprovals({ now: at(59), limit: 10 }),
      ).toEqual([]);
      const due = await store.listLapsedApprovals({ now: at(61), limit: 10 });
      expect(due.map(r => r.id)).toEqual([lapsed.id]);
      // Past its deadline a request reads as expired before it is claimed.
      const idsWith = async (...status: ReleaseStatus[]) =>
        (
          await store.listReleasePage({
            entityRef: lapsed.entityRef,
            filter: { status },
            limit: 10,
            now: at(61),
          })
        ).items.map(r => r.id);
      expect(await idsWith('pending-approval')).toEqual([open.id]);
      expect(await idsWith('expired')).toEqual([lapsed.id]);
      expect(await idsWith('expired', 'pending-approval')).toEqual([
        open.id,
        lapsed.id,
      ]);
      expect(
        (await store.getRelease({ id: lapsed.id, now: at(61) }))?.status,
      ).toBe('expired');

      const claims = await Promise.all(
        Array.from({ length: 4 }, () =>
          store.markApprovalLapsed({
            id: lapsed.id,
            now: at(61),
            audit: {
              ...audit,
              action: 'release.approval-lapsed',
              subjectId: lapsed.id,
            },
          }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(
        await store.listLapsedApprovals({ now: at(61), limit: 10 }),
      ).toEqual([]);
      expect(await statusOf(lapsed.id)).toBe('expired');
      expect(await idsWith('expired')).toEqual([lapsed.id]);
      // Not lapsed yet, so not claimable.
      await expect(
        store.markApprovalLapsed({ id: open.id, now: at(61), audit }),
      ).resolves.toBe(false);
      const actions = await knex('assurance_audit_log')
        .where({ action: 'release.approval-lapsed' })
        .pluck('subject_id');
      expect(actions).toEqual([lapsed.id]);
      expect((await verifyAuditChain(knex)).valid).toBe(true);
    });

    it('dates an approved release at its approval, after what ran meanwhile', async () => {
      const v1 = await store.createRelease({ release: newRelease(), audit });
      const pending = await store.createRelease({
        release: newRelease({
          status: 'pending-approval',
          artifact: { name: 'p', digest: digestOf('c') },
          approvalExpiresAt: at(10_000),
        }),
        audit,
      });
      // A fix goes to prod while the promotion waits for approval.
      const hotfix = await store.createRelease({
        release: newRelease({ artifact: { name: 'p', digest: digestOf('b') } }),
        audit,
      });
      const later = (minutes: number) =>
        new Date(Date.parse(hotfix.createdAt) + minutes * 60_000);
      const approved = await store.approveRelease({
        id: pending.id,
        approvedBy: 'user:default/bob',
        now: later(5),
        audit,
      });
      expect(approved?.createdAt).toBe(later(5).toISOString());
      await store.updateRelease({
        id: pending.id,
        status: 'succeeded',
        now: later(6),
        audit,
      });
      expect(await statusOf(hotfix.id)).toBe('superseded');
      expect((await store.listReleases({ entityRef })).map(r => r.id)).toEqual([
        pending.id,
        hotfix.id,
        v1.id,
      ]);

      // What ran before the approved release is what a rollback restores.
      const result = await store.rollback({
        id: '10000000-0000-4000-8000-000000000009',
        entityRef,
        environment: 'prod',
        actor: 'user:default/ada',
        reason: 'errors spiked',
        now: later(10),
        audit: () => audit,
      });
      expect(result?.release.artifact.digest).toBe(digestOf('b'));
    });
  },
);
