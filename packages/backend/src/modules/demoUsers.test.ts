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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authModuleDemoUsersProvider from './demoUsers';

function user(name: string, displayName: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName, email: `${name}@example.com` },
      memberOf: groups,
    },
    relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
  };
}

const entities = [
  user('amara.okafor', 'Amara Okafor', ['group:default/team-payments']),
  user('sofia.rossi', 'Sofia Rossi', [
    'group:default/team-ledger',
    'group:default/release-approvers',
  ]),
];

async function startBackend(providerConfig: object | null = {}) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleDemoUsersProvider,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            providers: providerConfig ? { 'demo-users': providerConfig } : {},
          },
        },
      }),
    ],
  });
  return (headers: Record<string, string> = {}) =>
    fetch(`http://localhost:${server.port()}/api/auth/demo-users/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest', ...headers },
    });
}

describe('authModuleDemoUsersProvider', () => {
  const nodeEnv = process.env.NODE_ENV;

  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('signs in as the named catalog user, owning through its groups', async () => {
    const refresh = await startBackend();

    const res = await refresh({ 'x-demo-user': 'sofia.rossi' });

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.profile).toEqual({
      displayName: 'Sofia Rossi',
      email: 'sofia.rossi@example.com',
    });
    expect(body.backstageIdentity.token).toEqual(expect.any(String));
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/sofia.rossi',
      ownershipEntityRefs: [
        'user:default/sofia.rossi',
        'group:default/team-ledger',
        'group:default/release-approvers',
      ],
    });

    const other = await refresh({ 'x-demo-user': 'amara.okafor' });
    expect((await other.json()).backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/amara.okafor',
      ownershipEntityRefs: [
        'user:default/amara.okafor',
        'group:default/team-payments',
      ],
    });
  });

  it('rejects an unknown user', async () => {
    const refresh = await startBackend();

    const res = await refresh({ 'x-demo-user': 'mallory' });

    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.message).toMatch(/No user named 'mallory'/);
    expect(body.backstageIdentity).toBeUndefined();
  });

  it('rejects a missing header and anything but a user name', async () => {
    const refresh = await startBackend();

    expect((await refresh()).status).toBe(401);
    for (const name of ['user:default/sofia.rossi', 'Sofia', '.hidden', '']) {
      const res = await refresh({ 'x-demo-user': name });
      expect(res.status).toBe(name ? 400 : 401);
    }
  });

  it('is off unless configured', async () => {
    const refresh = await startBackend(null);

    const res = await refresh({ 'x-demo-user': 'sofia.rossi' });

    expect(res.status).toBe(404);
  });

  it('refuses to start in production unless dangerously allowed', async () => {
    process.env.NODE_ENV = 'production';

    await expect(startBackend()).rejects.toThrow(
      /demo-users auth provider .* is for local development only/,
    );
    await expect(startBackend(null)).resolves.toBeDefined();

    const refresh = await startBackend({
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await refresh({ 'x-demo-user': 'amara.okafor' });
    expect(res.status).toBe(200);
  });
});
