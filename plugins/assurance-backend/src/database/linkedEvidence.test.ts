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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { EvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import { DatabaseEvidenceStore } from './DatabaseEvidenceStore';
import { NewEvidence } from './EvidenceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

const tests: EvidenceSummary = {
  kind: 'tests',
  total: 1,
  passed: 1,
  failed: 0,
  errored: 0,
  skipped: 0,
  failures: [],
};

let minute = 0;

function evidence(overrides: Partial<NewEvidence> = {}): NewEvidence {
  const id = crypto.randomUUID();
  minute += 1;
  return {
    id,
    entityRef: 'component:default/payments-api',
    format: 'junit',
    fileName: 'junit.xml',
    sha256: id.replace(/-/g, '').padEnd(64, '0'),
    size: 12,
    uploadedBy: 'user:default/ada',
    uploadedAt: new Date(Date.UTC(2026, 11, 1, 10, minute)),
    summary: tests,
    content: Buffer.from('<testsuite/>'),
    ...overrides,
  };
}

const audit = {
  actor: 'user:default/ada',
  action: 'evidence.create',
  details: {},
};

describe.each(databases.eachSupportedId())(
  'DatabaseEvidenceStore gate evidence on %p',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      return DatabaseEvidenceStore.create({
        database: mockServices.database({ knex }),
      });
    }

    it('stores and returns the declared gate', async () => {
      const store = await createStore();
      const declared = evidence({ gate: 'integration-tests' });
      const { record } = await store.insertEvidence({
        evidence: declared,
        audit,
      });
      expect(record.gate).toBe('integration-tests');
      expect(await store.getEvidence({ id: declared.id })).toMatchObject({
        gate: 'integration-tests',
      });

      const plain = evidence();
      const stored = await store.insertEvidence({ evidence: plain, audit });
      expect(stored.record).not.toHaveProperty('gate');
    });

    it('lists the evidence linked to a digest, by declaration or subject, newest first', async () => {
      const store = await createStore();
      const declared = evidence({
        digest: DIGEST_A,
        artifacts: [{ digest: DIGEST_A, relation: 'declared' }],
      });
      const subject = evidence({
        format: 'provenance',
        summary: {
          kind: 'provenance',
          envelope: 'statement',
          subjects: [{ name: 'app', digest: { sha256: 'a'.repeat(64) } }],
          signature: { status: 'unverified', reason: 'unsigned' },
        },
        artifacts: [{ digest: DIGEST_A, relation: 'subject' }],
      });
      const other = evidence({
        digest: DIGEST_B,
        artifacts: [{ digest: DIGEST_B, relation: 'declared' }],
      });
      const unlinked = evidence();
      const elsewhere = evidence({
        entityRef: 'component:default/web',
        digest: DIGEST_A,
        artifacts: [{ digest: DIGEST_A, relation: 'declared' }],
      });
      for (const e of [declared, subject, other, unlinked, elsewhere]) {
        await store.insertEvidence({ evidence: e, audit });
      }

      const linked = await store.listEvidenceForDigest({
        entityRef: 'component:default/payments-api',
        digest: DIGEST_A.toUpperCase().replace('SHA256', 'sha256'),
        formats: ['junit', 'provenance'],
      });
      expect(linked.map(r => r.id)).toEqual([subject.id, declared.id]);
      expect(linked[1]).toMatchObject({ digest: DIGEST_A, format: 'junit' });

      const onlyTests = await store.listEvidenceForDigest({
        entityRef: 'component:default/payments-api',
        digest: DIGEST_A,
        formats: ['junit'],
      });
      expect(onlyTests.map(r => r.id)).toEqual([declared.id]);
      expect(
        await store.listEvidenceForDigest({
          entityRef: 'component:default/payments-api',
          digest: DIGEST_A,
          formats: [],
        }),
      ).toEqual([]);
    });
  },
);

describe('migration 20261203161000_evidence_gate', () => {
  it('adds the gate column and takes it away again', async () => {
    const knex = await databases.init('SQLITE_3');
    await DatabaseEvidenceStore.create({
      database: mockServices.database({ knex }),
    });
    const hasGate = () => knex.schema.hasColumn('assurance_evidence', 'gate');
    const migration = {
      directory: resolvePackagePath(
        '@real-app-forever/plugin-assurance-backend',
        'migrations',
      ),
      name: '20261203161000_evidence_gate.js',
    };
    expect(await hasGate()).toBe(true);

    await knex.migrate.down(migration);
    expect(await hasGate()).toBe(false);

    await knex.migrate.up(migration);
    expect(await hasGate()).toBe(true);
  });
});
