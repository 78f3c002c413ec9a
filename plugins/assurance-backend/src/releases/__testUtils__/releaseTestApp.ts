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
  TestDatabaseId,
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
import { DatabaseEvidenceStore } from '../../database/DatabaseEvidenceStore';
import { EvidenceStore } from '../../database/EvidenceStore';
import { verifyAuditChain } from '../../database/auditLog';
import {
  DIGEST_A,
  DIGEST_B,
  record,
  tests,
} from '../../gates/__testUtils__/fixtures';
import { resolveEntityEnvironments } from '../../policy/entityEnvironments';
import { PolicyService } from '../../policy/PolicyService';
import { EntityAccess } from '../../service/EntityAccess';
import { createReleasesRouter } from '../../service/releases.router';
import { DatabaseReleaseStore } from '../DatabaseReleaseStore';
import { ReleaseNotifier } from '../ReleaseNotifier';
import { ReleaseService } from '../ReleaseService';

export { DIGEST_A, DIGEST_B };

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

/** Payments, with stages of its own or with a broken annotation. */
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

export const DIGEST_C = `sha256:${'c'.repeat(64)}`;
export const DIGEST_UNKNOWN = `sha256:${'e'.repeat(64)}`;
const evidence: EvidenceRecord[] = [
  record(tests(0), { digest: DIGEST_A }),
  record(tests(0), { digest: DIGEST_C }),
  record(tests(1), { digest: DIGEST_B }),
];

export const ada = mockCredentials.user.header('user:default/ada');
export const bob = mockCredentials.user.header('user:default/bob');
export const entityPath = '/v1/entities/component/default/payments-api';

/**
 * The releases routes on a fresh database of `id`: the real stores (with
 * the artifacts and gate evidence above), payments-api and two annotated
 * entities in the catalog, permissions allowed unless named in `denied`,
 * and notifications into `send`.
 */
export async function createReleaseTestApp(options: {
  databases: TestDatabases;
  id: TestDatabaseId;
  now?: () => Date;
}) {
  const knex = await options.databases.init(options.id);
  const database = mockServices.database({ knex });
  const evidenceStore = await DatabaseEvidenceStore.create({ database });
  const denied = new Set<string>();
  const send = jest.fn(async () => {});
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
        annotated('shop-web', 'test, live'),
      ],
    }),
  });
  // The gate evidence by digest; a test may add reports.
  const gateEvidence = [...evidence];
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
      gateEvidence.filter(e => e.digest === digest),
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
  const auditor = mockServices.auditor.mock();
  const router = createReleasesRouter({
    access,
    releases,
    releaseService,
    notifier: new ReleaseNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
    }),
    auditor,
    now: options.now,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());

  /** The audit log's actions, in order, once its chain is verified. */
  async function auditActions(): Promise<string[]> {
    expect((await verifyAuditChain(knex)).valid).toBe(true);
    const rows = await knex('assurance_audit_log').orderBy('seq', 'asc');
    return rows.map(row => row.action);
  }

  return {
    app,
    knex,
    denied,
    send,
    evidenceStore,
    releases,
    auditor,
    auditActions,
    /** Adds a test report for the digest with this many failures. */
    addTestReport: (digest: string, failed: number) =>
      gateEvidence.push(record(tests(failed), { digest })),
  };
}
