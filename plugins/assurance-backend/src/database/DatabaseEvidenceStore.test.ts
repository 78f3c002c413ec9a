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
import { EvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import { DatabaseEvidenceStore } from './DatabaseEvidenceStore';
import { NewEvidence } from './EvidenceStore';
import { verifyAuditChain } from './auditLog';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const tests: EvidenceSummary = {
  kind: 'tests',
  total: 2,
  passed: 1,
  failed: 1,
  errored: 0,
  skipped: 0,
  failures: [{ name: 'adds', type: 'failure', message: 'expected 2' }],
};

function evidence(overrides: Partial<NewEvidence> = {}): NewEvidence {
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    entityRef: 'component:default/payments-api',
    format: 'junit',
    fileName: 'junit.xml',
    sha256: id.replace(/-/g, '').padEnd(64, '0'),
    size: 11,
    uploadedBy: 'user:default/ada',
    uploadedAt: new Date('2026-12-01T10:00:00.000Z'),
    summary: tests,
    content: Buffer.from('<testsuite/>'),
    ...overrides,
  };
}

const audit = {
  actor: 'user:default/ada',
  action: 'evidence.create',
  details: { format: 'junit' },
};

describe.each(databases.eachSupportedId())(
  'DatabaseEvidenceStore on %p',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      const store = await DatabaseEvidenceStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('stores a record with its bytes and an audit entry, once', async () => {
      const { knex, store } = await createStore();
      const input = evidence({
        executionId: 'run-1',
        workItem: 'PAY-1',
        digest: `sha256:${'a'.repeat(64)}`,
      });

      const first = await store.insertEvidence({ evidence: input, audit });
      expect(first.created).toBe(true);
      expect(first.record).toEqual({
        id: input.id,
        entityRef: 'component:default/payments-api',
        format: 'junit',
        fileName: 'junit.xml',
        sha256: input.sha256,
        size: 11,
        executionId: 'run-1',
        workItem: 'PAY-1',
        digest: `sha256:${'a'.repeat(64)}`,
        uploadedBy: 'user:default/ada',
        uploadedAt: '2026-12-01T10:00:00.000Z',
        summary: tests,
        storage: 'content',
      });

      const again = await store.insertEvidence({
        evidence: { ...input, id: crypto.randomUUID() },
        audit,
      });
      expect(again).toEqual({ record: first.record, created: false });

      const content = await store.getEvidenceContent({ id: input.id });
      expect(content?.content.toString()).toBe('<testsuite/>');
      expect(await knex('assurance_audit_log').count('* as n')).toEqual([
        { n: expect.anything() },
      ]);
      expect(await verifyAuditChain(knex)).toEqual({ valid: true, entries: 1 });
    });

    it('stores the same bytes again for another execution', async () => {
      const { store } = await createStore();
      const input = evidence({ executionId: 'run-1' });
      await store.insertEvidence({ evidence: input, audit });
      const other = await store.insertEvidence({
        evidence: { ...input, id: crypto.randomUUID(), executionId: 'run-2' },
        audit,
      });
      expect(other.created).toBe(true);
    });

    it('leaves nothing behind when a write in the transaction fails', async () => {
      const { knex, store } = await createStore();
      // The audit entry is written last in the transaction; details that
      // cannot be serialised make it fail after the evidence and its bytes
      // were inserted.
      await expect(
        store.insertEvidence({
          evidence: evidence(),
          audit: { ...audit, details: { size: BigInt(1) } },
        }),
      ).rejects.toThrow(/BigInt/);
      expect(await knex('assurance_evidence').select()).toEqual([]);
      expect(await knex('assurance_evidence_content').select()).toEqual([]);
      expect(await knex('assurance_audit_log').select()).toEqual([]);
    });

    it('stores a file once when the same upload races itself', async () => {
      const { knex, store } = await createStore();
      const input = evidence({ executionId: 'run-7' });
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          store.insertEvidence({
            evidence: { ...input, id: crypto.randomUUID() },
            audit,
          }),
        ),
      );
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.record.id)).size).toBe(1);
      expect(await knex('assurance_evidence').select('id')).toHaveLength(1);
    });

    it('pages newest first with a cursor', async () => {
      const { store } = await createStore();
      const times = [1, 2, 3, 4, 5].map(
        day => new Date(`2026-11-0${day}T08:00:00.000Z`),
      );
      for (const uploadedAt of times) {
        await store.insertEvidence({
          evidence: evidence({ uploadedAt }),
          audit,
        });
      }
      // Two uploads in the same millisecond must not be lost between pages.
      await store.insertEvidence({
        evidence: evidence({ uploadedAt: times[2] }),
        audit,
      });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listEvidence({
          entityRef: 'component:default/payments-api',
          limit: 4,
          cursor,
        });
        seen.push(...page.items.map(item => item.uploadedAt));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);

      expect(pages).toBe(2);
      expect(seen).toEqual([
        '2026-11-05T08:00:00.000Z',
        '2026-11-04T08:00:00.000Z',
        '2026-11-03T08:00:00.000Z',
        '2026-11-03T08:00:00.000Z',
        '2026-11-02T08:00:00.000Z',
        '2026-11-01T08:00:00.000Z',
      ]);
    });

    it('filters by artifact, whether declared or a provenance subject', async () => {
      const { store } = await createStore();
      const digest = `sha256:${'cd'.repeat(32)}`;
      const declared = evidence({
        digest,
        artifact: 'payments-api',
        artifacts: [{ digest, name: 'payments-api', relation: 'declared' }],
      });
      const subject = evidence({
        format: 'provenance',
        artifacts: [
          {
            digest: digest.toUpperCase(),
            name: 'payments-api',
            relation: 'subject',
          },
        ],
      });
      const other = evidence({});
      for (const e of [declared, subject, other]) {
        await store.insertEvidence({ evidence: e, audit });
      }
      const ids = async (filter: object) =>
        (
          await store.listEvidence({
            entityRef: 'component:default/payments-api',
            limit: 10,
            filter,
          })
        ).items
          .map(item => item.id)
          .sort();

      expect(await ids({ digest })).toEqual([declared.id, subject.id].sort());
      expect(await ids({ artifact: 'payments-api' })).toEqual(
        [declared.id, subject.id].sort(),
      );
      expect(await ids({ digest, format: 'provenance' })).toEqual([subject.id]);
    });

    it('refuses a cursor it did not hand out', async () => {
      const { store } = await createStore();
      await expect(
        store.listEvidence({
          entityRef: 'component:default/x',
          limit: 5,
          cursor: 'not-a-cursor',
        }),
      ).rejects.toThrow(/cursor/);
    });

    it('lists the newest execution of each format', async () => {
      const { store } = await createStore();
      const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
      const old = evidence({ executionId: 'run-1', uploadedAt: at(1) });
      const newA = evidence({ executionId: 'run-2', uploadedAt: at(2) });
      const newB = evidence({ executionId: 'run-2', uploadedAt: at(3) });
      const sarif = evidence({ format: 'sarif', uploadedAt: at(4) });
      for (const e of [old, newA, newB, sarif]) {
        await store.insertEvidence({ evidence: e, audit });
      }

      const latest = await store.listLatestExecutionEvidence({
        entityRef: 'component:default/payments-api',
        formats: ['junit', 'sarif', 'npm-audit'],
      });
      expect(latest.map(e => e.id).sort()).toEqual(
        [newA.id, newB.id, sarif.id].sort(),
      );
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback(
        {
          directory: require('node:path').resolve(
            __dirname,
            '../../migrations',
          ),
        },
        true,
      );
      expect(await knex.schema.hasTable('assurance_evidence')).toBe(false);
    });
  },
);
