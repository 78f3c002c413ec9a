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

import { ResponseError } from '@backstage/errors';
import { AssuranceClient } from './AssuranceClient';

const BASE = 'http://localhost:7007/api/assurance';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function createClient(response: Response) {
  const fetch = jest.fn(async () => response.clone());
  const client = new AssuranceClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('AssuranceClient', () => {
  it('asks for the gates of one artifact under one environment', async () => {
    const { client, fetch } = createClient(json({ gates: [] }));

    await client.getGates({
      entityRef: 'component:default/payments',
      digest: 'sha256:abc',
      environment: 'prod',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/payments/gates?digest=sha256%3Aabc&environment=prod`,
    );
  });

  it('leaves out the query when no view is chosen', async () => {
    const { client, fetch } = createClient(json({ gates: [] }));

    await client.getGates({ entityRef: 'component:default/payments' });
    await client.getPolicy({ entityRef: 'component:default/payments' });

    expect(fetch).toHaveBeenNthCalledWith(
      1,
      `${BASE}/v1/entities/component/default/payments/gates`,
    );
    expect(fetch).toHaveBeenNthCalledWith(
      2,
      `${BASE}/v1/entities/component/default/payments/policy`,
    );
  });

  it('unwraps the lists of overrides and drift', async () => {
    const overrides = createClient(json({ items: [{ id: 'ov-1' }] }));
    const drift = createClient(
      json({ environments: [{ environment: 'prod' }] }),
    );

    await expect(
      overrides.client.listOverrides({ entityRef: 'component:default/a' }),
    ).resolves.toEqual([{ id: 'ov-1' }]);
    await expect(
      drift.client.getDrift({ entityRef: 'component:default/a' }),
    ).resolves.toEqual([{ environment: 'prod' }]);
    expect(overrides.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/a/overrides`,
    );
    expect(drift.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/a/drift`,
    );
  });

  it('lists environments, and releases a page at a time', async () => {
    const environments = createClient(
      json({ environments: [{ name: 'dev', order: 0 }] }),
    );
    const releases = createClient(
      json({ items: [{ id: 'rel-1' }], nextCursor: 'c2' }),
    );

    await expect(
      environments.client.listEnvironments({
        entityRef: 'component:default/a',
      }),
    ).resolves.toEqual([{ name: 'dev', order: 0 }]);
    await expect(
      releases.client.listReleases({ entityRef: 'component:default/a' }),
    ).resolves.toEqual({ items: [{ id: 'rel-1' }], nextCursor: 'c2' });
    await releases.client.listReleases({
      entityRef: 'component:default/a',
      filter: { environment: 'prod', status: ['failed', 'rolled-back'] },
      limit: 50,
      cursor: 'c2',
    });
    expect(environments.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/a/environments`,
    );
    expect(releases.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/a/releases`,
    );
    expect(releases.fetch).toHaveBeenLastCalledWith(
      `${BASE}/v1/entities/component/default/a/releases?environment=prod&status=failed%2Crolled-back&limit=50&cursor=c2`,
    );
  });

  it('posts an override request as JSON', async () => {
    const { client, fetch } = createClient(json({ id: 'ov-1' }, 201));

    await client.requestOverride({
      entityRef: 'component:default/payments',
      gateId: 'dependency-scan',
      reason: 'Fix ships with the next release',
      expiresInDays: 7,
      digest: 'sha256:abc',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/payments/gates/dependency-scan/overrides`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          reason: 'Fix ships with the next release',
          expiresInDays: 7,
          digest: 'sha256:abc',
        }),
      },
    );
  });

  it('posts approvals and rejections with their comment', async () => {
    const approve = createClient(json({ id: 'ov/1' }));
    const reject = createClient(json({ id: 'ov-2' }));

    await approve.client.approveOverride({ id: 'ov/1' });
    await reject.client.rejectOverride({ id: 'ov-2', comment: 'No' });

    expect(approve.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/overrides/ov%2F1/approve`,
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
    expect(reject.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/overrides/ov-2/reject`,
      expect.objectContaining({ body: '{"comment":"No"}' }),
    );
  });

  it('sends the release actions to their routes', async () => {
    const promote = createClient(json({ decision: 'refused', reasons: ['x'] }));
    const update = createClient(json({ id: 'r-1' }));
    const rollback = createClient(json({ release: {}, rolledBack: {} }, 201));
    const measures = createClient(json({ buckets: [] }));
    const reject = createClient(json({ id: 'r 2' }));

    await expect(
      promote.client.promote({
        entityRef: 'component:default/shop',
        environment: 'prod',
        digest: 'sha256:ab',
      }),
    ).resolves.toEqual({ decision: 'refused', reasons: ['x'] });
    await update.client.updateRelease({ id: 'r-1', status: 'succeeded' });
    await rollback.client.rollback({
      entityRef: 'component:default/shop',
      environment: 'prod',
      reason: 'broken',
    });
    await measures.client.getDeploymentMeasures({
      entityRef: 'component:default/shop',
      weeks: 4,
    });
    await reject.client.rejectRelease({ id: 'r 2', reason: 'stale' });

    expect(promote.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/shop/environments/prod/promotions`,
      expect.objectContaining({
        method: 'POST',
        body: '{"digest":"sha256:ab"}',
      }),
    );
    expect(update.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/releases/r-1`,
      expect.objectContaining({
        method: 'PATCH',
        body: '{"status":"succeeded"}',
      }),
    );
    expect(rollback.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/shop/environments/prod/rollbacks`,
      expect.objectContaining({ body: '{"reason":"broken"}' }),
    );
    expect(measures.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/entities/component/default/shop/releases/measures?weeks=4`,
    );
    expect(reject.fetch).toHaveBeenCalledWith(
      `${BASE}/v1/releases/r%202/reject`,
      expect.objectContaining({ method: 'POST', body: '{"reason":"stale"}' }),
    );
  });

  it('throws a ResponseError that carries the server message', async () => {
    const { client } = createClient(
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'You cannot approve your own override request',
          },
          response: { statusCode: 403 },
        },
        403,
      ),
    );

    const error = await client
      .approveOverride({ id: 'ov-1' })
      .catch((e: unknown) => e);

    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).statusCode).toBe(403);
    expect((error as ResponseError).cause.message).toBe(
      'You cannot approve your own override request',
    );
  });
});
