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

import { resolve } from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  ExampleReleasePlan,
  exampleBuildArtifact,
  loadExampleReleases,
  seedExampleReleases,
} from './exampleReleases';

const mockDir = createMockDirectory();
const examplePlanPath = resolve(
  __dirname,
  '../../../../examples/releases.yaml',
);
const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

const plan: ExampleReleasePlan = {
  entities: {
    'component:default/shop': {
      artifact: 'shop',
      versions: { '1.0.0': digest(1), '1.1.0': digest(2) },
      builds: { 'build-7': '1.1.0' },
      steps: [
        {
          record: 'prod',
          version: '1.0.0',
          daysAgo: 3,
          status: 'succeeded',
          migrationStatus: 'none',
        },
        { rollback: 'prod', reason: 'broken' },
        { promote: 'prod', version: '1.1.0', reason: 'fix' },
      ],
    },
  },
};

/** A fetch that answers by method and path, and records every call. */
function fakeApi(answers: Record<string, { status?: number; body: unknown }>) {
  const calls: Array<{ method: string; path: string; body?: any }> = [];
  const doFetch = jest.fn(async (url: string, init: RequestInit) => {
    const path = url.replace('http://assurance', '');
    const method = init.method ?? 'GET';
    calls.push({
      method,
      path,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers[`${method} ${path}`] ?? { body: {} };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
    });
  });
  return { calls, doFetch: doFetch as unknown as typeof fetch };
}

const seed = (doFetch: typeof fetch) =>
  seedExampleReleases({
    plan,
    baseUrl: 'http://assurance',
    getToken: async () => 'token',
    logger: mockServices.logger.mock(),
    fetch: doFetch,
    now: () => new Date('2026-12-03T12:00:00Z'),
  });

describe('example releases', () => {
  it('reads the repository plan, and every build and step names a version with a digest', async () => {
    const real = await loadExampleReleases(examplePlanPath);
    const checkout = real.entities['component:default/checkout-web'];
    expect(checkout.steps.length).toBeGreaterThan(10);
    expect(
      exampleBuildArtifact(
        real,
        'component:default/checkout-web',
        'build-2211',
      ),
    ).toEqual({
      name: 'checkout-web',
      version: '2.7.0',
      digest: checkout.versions['2.7.0'],
    });
    expect(
      exampleBuildArtifact(
        real,
        'component:default/checkout-web',
        'build-9999',
      ),
    ).toBeUndefined();
  });

  it('says which version lacks a digest', async () => {
    mockDir.setContent({
      'releases.yaml': [
        'entities:',
        '  component:default/shop:',
        '    artifact: shop',
        '    versions: {}',
        '    steps:',
        '      - { promote: prod, version: 9.9.9 }',
      ].join('\n'),
    });
    await expect(
      loadExampleReleases(`${mockDir.path}/releases.yaml`),
    ).rejects.toThrow('version 9.9.9 has no digest under versions');
  });

  it('replays the steps through the API, back-dating records and finishing the rollback', async () => {
    const { calls, doFetch } = fakeApi({
      'GET /v1/entities/component/default/shop/releases': {
        body: { items: [] },
      },
      'POST /v1/entities/component/default/shop/environments/prod/rollbacks': {
        status: 201,
        body: { release: { id: 'r-2' }, rolledBack: { id: 'r-1' } },
      },
      'POST /v1/entities/component/default/shop/environments/prod/promotions': {
        status: 202,
        body: { decision: 'pending-approval', reasons: [] },
      },
    });

    await expect(seed(doFetch)).resolves.toEqual({
      seeded: 1,
      skipped: 0,
      failed: 0,
    });
    expect(calls.map(c => `${c.method} ${c.path}`)).toEqual([
      'GET /v1/entities/component/default/shop/releases',
      'POST /v1/entities/component/default/shop/releases',
      'POST /v1/entities/component/default/shop/environments/prod/rollbacks',
      'PATCH /v1/releases/r-2',
      'POST /v1/entities/component/default/shop/environments/prod/promotions',
    ]);
    expect(calls[1].body).toEqual({
      environment: 'prod',
      artifact: { name: 'shop', version: '1.0.0', digest: digest(1) },
      status: 'succeeded',
      migrationStatus: 'none',
      deployedAt: '2026-11-30T12:00:00.000Z',
    });
    expect(calls[3].body).toEqual({ status: 'succeeded' });
    expect(calls[4].body).toEqual({
      digest: digest(2),
      name: 'shop',
      version: '1.1.0',
      reason: 'fix',
    });
  });

  it('leaves an entity with releases alone', async () => {
    const { calls, doFetch } = fakeApi({
      'GET /v1/entities/component/default/shop/releases': {
        body: { items: [{ id: 'r-1' }] },
      },
    });
    await expect(seed(doFetch)).resolves.toEqual({
      seeded: 0,
      skipped: 1,
      failed: 0,
    });
    expect(calls).toHaveLength(1);
  });

  it('stops an entity at a refused promotion or a failed call', async () => {
    const refused = fakeApi({
      'GET /v1/entities/component/default/shop/releases': {
        body: { items: [] },
      },
      'POST /v1/entities/component/default/shop/environments/prod/rollbacks': {
        status: 201,
        body: { release: { id: 'r-2' } },
      },
      'POST /v1/entities/component/default/shop/environments/prod/promotions': {
        body: { decision: 'refused', reasons: ['unit-tests failed'] },
      },
    });
    await expect(seed(refused.doFetch)).resolves.toMatchObject({ failed: 1 });

    const broken = fakeApi({
      'GET /v1/entities/component/default/shop/releases': {
        body: { items: [] },
      },
      'POST /v1/entities/component/default/shop/releases': {
        status: 400,
        body: {},
      },
    });
    await expect(seed(broken.doFetch)).resolves.toMatchObject({ failed: 1 });
    expect(broken.calls).toHaveLength(2);
  });
});
