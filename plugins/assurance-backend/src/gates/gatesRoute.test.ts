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
import express from 'express';
import request from 'supertest';
import { PolicyService } from '../policy/PolicyService';
import {
  createTestApp,
  createTestContext,
  createTestRouter,
  paymentsEntity,
} from '../service/__testUtils__/createTestApp';
import {
  DIGEST_A,
  DIGEST_B,
  NOW,
  effectivePolicy,
  override,
} from './__testUtils__/fixtures';

const payments = paymentsEntity();

const junit = (
  failures: number,
  suite = 'PaymentTest',
) => `<testsuite name="${suite}">
  <testcase classname="${suite}" name="charges a card"/>
  ${Array.from(
    { length: failures },
    (_, i) =>
      `<testcase classname="${suite}" name="case ${i}"><failure message="no"/></testcase>`,
  ).join('\n')}
</testsuite>`;

const audit = (critical: number) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: critical
      ? {
          lodash: {
            name: 'lodash',
            severity: 'critical',
            via: [
              {
                source: 1,
                name: 'lodash',
                title: 'Prototype pollution',
                url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695',
                severity: 'critical',
                range: '<4.17.12',
              },
            ],
            range: '<4.17.12',
            fixAvailable: true,
          },
        }
      : {},
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: 0,
        high: 0,
        critical,
        total: critical,
      },
    },
  });

describe('GET /v1/entities/:ref/gates', () => {
  let app: express.Express;
  let policyService: jest.Mocked<PolicyService>;
  let listOverrides: jest.Mock;

  beforeEach(async () => {
    const context = await createTestContext({ entities: [payments] });
    policyService = {
      getEffectivePolicy: jest.fn(async ({ environment }) =>
        effectivePolicy({
          requiredGates: ['unit-tests', 'integration-tests', 'dependency-scan'],
          environment,
        }),
      ),
      listEnvironments: jest.fn(() => ['dev', 'prod']),
    };
    listOverrides = jest.fn(async () => []);
    const router = await createTestRouter({
      context,
      maxUploadBytes: 64 * 1024,
      policyService,
      overrides: { listOverrides },
      now: () => NOW,
    });
    app = createTestApp({ routers: [router] });
  });

  const asUser = { Authorization: mockCredentials.user.header() };
  const gatesPath = '/v1/entities/component/default/payments-api/gates';

  function upload(
    fields: Record<string, string>,
    content: string,
    name: string,
  ) {
    const req = request(app)
      .post('/v1/evidence')
      .set(asUser)
      .field('entityRef', 'payments-api');
    for (const [key, value] of Object.entries(fields)) {
      req.field(key, value);
    }
    return req.attach('file', Buffer.from(content), name);
  }

  async function uploaded(...args: Parameters<typeof upload>) {
    const response = await upload(...args);
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  it('answers 401 without credentials', async () => {
    const response = await request(app).get(`${gatesPath}?digest=${DIGEST_A}`);
    expect(response.status).toBe(401);
  });

  it.each([
    ['digest=sha256:xyz', /digest must look like sha256:<hex>/],
    [`digest=${DIGEST_A}&digest=${DIGEST_B}`, /digest must be a single value/],
    [
      'environment=qa',
      /Unknown environment 'qa', known environments are dev, prod/,
    ],
    ['environment=', /environment must not be empty/],
  ])('answers 400 for %s', async (query, message) => {
    const response = await request(app)
      .get(`${gatesPath}?${query}`)
      .set(asUser);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(policyService.getEffectivePolicy).not.toHaveBeenCalled();
  });

  it('evaluates one artifact from the evidence linked to it', async () => {
    const failingA = await uploaded(
      { digest: DIGEST_A, executionId: 'build-a' },
      junit(1),
      'junit.xml',
    );
    const passingB = await uploaded(
      { digest: DIGEST_B, executionId: 'build-b' },
      junit(0),
      'junit.xml',
    );

    const forA = await request(app)
      .get(
        `${gatesPath}?digest=${DIGEST_A.toUpperCase().replace(
          'SHA256',
          'sha256',
        )}`,
      )
      .set(asUser);
    expect(forA.status).toBe(200);
    expect(forA.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      digest: DIGEST_A,
      policyVersion: 'v-test',
      gates: [
        { id: 'unit-tests', status: 'failed', evidenceIds: [failingA] },
        { id: 'integration-tests', status: 'missing' },
        { id: 'dependency-scan', status: 'missing' },
      ],
      nextGate: { id: 'unit-tests', status: 'failed' },
    });

    const forB = await request(app)
      .get(`${gatesPath}?digest=${DIGEST_B}`)
      .set(asUser);
    expect(forB.body.gates[0]).toMatchObject({
      status: 'passed',
      evidenceIds: [passingB],
    });

    const entity = await request(app).get(gatesPath).set(asUser);
    expect(entity.body).not.toHaveProperty('digest');
    expect(entity.body.gates[0].evidenceIds).toEqual([passingB]);
  });

  it("checks the environment against the entity's environments", async () => {
    policyService.listEnvironments.mockImplementation(entity =>
      entity ? ['dev', 'qa', 'prod'] : ['dev', 'prod'],
    );
    const response = await request(app)
      .get(`${gatesPath}?environment=qa`)
      .set(asUser);
    expect(response.status).toBe(200);
    expect(policyService.listEnvironments).toHaveBeenCalledWith(
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'payments-api' }),
      }),
    );
  });

  it('evaluates with the policy of the environment asked for', async () => {
    const response = await request(app)
      .get(`${gatesPath}?environment=prod`)
      .set(asUser);
    expect(response.status).toBe(200);
    expect(response.body.environment).toBe('prod');
    expect(policyService.getEffectivePolicy).toHaveBeenCalledWith({
      entity: expect.objectContaining({ metadata: { name: 'payments-api' } }),
      environment: 'prod',
    });
  });

  it('stores the declared gate and evaluates test gates by it', async () => {
    const integration = await uploaded(
      { gate: 'integration-tests' },
      junit(1, 'PaymentTest'),
      'it.xml',
    );
    const unit = await uploaded({}, junit(0, 'PaymentTest'), 'unit.xml');

    const stored = await request(app)
      .get(`/v1/evidence/${integration}`)
      .set(asUser);
    expect(stored.body.gate).toBe('integration-tests');

    const response = await request(app).get(gatesPath).set(asUser);
    expect(response.body.gates.slice(0, 2)).toMatchObject([
      { id: 'unit-tests', status: 'passed', evidenceIds: [unit] },
      { id: 'integration-tests', status: 'failed', evidenceIds: [integration] },
    ]);
  });

  it('tells integration tests by suite name when undeclared', async () => {
    const integration = await uploaded(
      {},
      junit(0, 'CheckoutIntegrationSuite'),
      'it.xml',
    );
    const response = await request(app).get(gatesPath).set(asUser);
    expect(response.body.gates.slice(0, 2)).toMatchObject([
      { id: 'unit-tests', status: 'missing' },
      { id: 'integration-tests', status: 'passed', evidenceIds: [integration] },
    ]);
  });

  it('refuses a declared gate that is not a gate id', async () => {
    const response = await upload({ gate: 'Unit Tests!' }, junit(0), 'u.xml');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/gate must be a gate id/);
  });

  it('shows an approved override as overridden', async () => {
    await uploaded({}, audit(1), 'audit.json');
    listOverrides.mockResolvedValue([override()]);

    const response = await request(app).get(gatesPath).set(asUser);
    expect(listOverrides).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      now: NOW,
    });
    expect(response.body.gates[2]).toMatchObject({
      id: 'dependency-scan',
      status: 'overridden',
      override: {
        underlyingStatus: 'failed',
        approvedBy: 'user:default/grace',
        expiresAt: '2026-12-20T00:00:00.000Z',
      },
    });

    listOverrides.mockResolvedValue([override({ status: 'expired' })]);
    const expired = await request(app).get(gatesPath).set(asUser);
    expect(expired.body.gates[2].status).toBe('failed');
  });
});
