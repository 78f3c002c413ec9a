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

import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createEnvironmentTokenHandler,
  environmentTokenHandlerServiceFactory,
} from './ciTokenHandler';

const options = new ConfigReader({
  variable: 'ASSURANCE_CI_TOKEN',
  subject: 'ci',
});

describe('createEnvironmentTokenHandler', () => {
  it('accepts the token in the variable, however short', async () => {
    const env = { ASSURANCE_CI_TOKEN: 't' };
    const handler = createEnvironmentTokenHandler({ env });
    const context = handler.initialize({ options });

    await expect(handler.verifyToken('t', context)).resolves.toEqual({
      subject: 'ci',
    });
  });

  it('rejects other tokens, including prefixes and longer ones', async () => {
    const env = { ASSURANCE_CI_TOKEN: 'secret-token' };
    const handler = createEnvironmentTokenHandler({ env });
    const context = handler.initialize({ options });

    for (const token of ['secret', 'secret-token-2', 'SECRET-TOKEN', ' ']) {
      await expect(handler.verifyToken(token, context)).resolves.toBe(
        undefined,
      );
    }
  });

  it('accepts nothing when the variable is unset or empty', async () => {
    const env: NodeJS.ProcessEnv = {};
    const handler = createEnvironmentTokenHandler({ env });
    const context = handler.initialize({ options });

    await expect(handler.verifyToken('', context)).resolves.toBe(undefined);
    await expect(handler.verifyToken('t', context)).resolves.toBe(undefined);

    env.ASSURANCE_CI_TOKEN = '';
    await expect(handler.verifyToken('', context)).resolves.toBe(undefined);
  });

  it('reads the variable when verifying, not at startup', async () => {
    const env: NodeJS.ProcessEnv = {};
    const handler = createEnvironmentTokenHandler({ env });
    const context = handler.initialize({ options });

    env.ASSURANCE_CI_TOKEN = 'rotated';
    await expect(handler.verifyToken('rotated', context)).resolves.toEqual({
      subject: 'ci',
    });

    delete env.ASSURANCE_CI_TOKEN;
    await expect(handler.verifyToken('rotated', context)).resolves.toBe(
      undefined,
    );
  });

  it('refuses bad options', () => {
    const handler = createEnvironmentTokenHandler({ env: {} });

    expect(() =>
      handler.initialize({
        options: new ConfigReader({ variable: 'NOT A NAME', subject: 'ci' }),
      }),
    ).toThrow(/Illegal variable/);
    expect(() =>
      handler.initialize({
        options: new ConfigReader({ variable: 'TOKEN', subject: 'c i' }),
      }),
    ).toThrow(/Illegal subject/);
    expect(() =>
      handler.initialize({ options: new ConfigReader({ subject: 'ci' }) }),
    ).toThrow(/variable/);
  });
});

describe('environmentTokenHandlerServiceFactory', () => {
  const previous = process.env.ASSURANCE_CI_TOKEN;

  afterEach(() => {
    if (previous === undefined) {
      delete process.env.ASSURANCE_CI_TOKEN;
    } else {
      process.env.ASSURANCE_CI_TOKEN = previous;
    }
  });

  function createWhoAmIPlugin(pluginId: string) {
    return createBackendPlugin({
      pluginId,
      register(reg) {
        reg.registerInit({
          deps: {
            httpAuth: coreServices.httpAuth,
            httpRouter: coreServices.httpRouter,
          },
          async init({ httpAuth, httpRouter }) {
            httpRouter.use(async (req, res, next) => {
              try {
                const credentials = await httpAuth.credentials(req, {
                  allow: ['service'],
                });
                res.json({
                  subject: credentials.principal.subject,
                  accessRestrictions: credentials.principal.accessRestrictions,
                });
              } catch (error) {
                next(error);
              }
            });
          },
        });
      },
    });
  }

  async function startBackend() {
    const { server } = await startTestBackend({
      features: [
        authServiceFactory,
        httpAuthServiceFactory,
        environmentTokenHandlerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'environment-token',
                    options: { variable: 'ASSURANCE_CI_TOKEN', subject: 'ci' },
                    accessRestrictions: [
                      {
                        plugin: 'assurance',
                        permission: ['assurance.evidence.create'],
                      },
                    ],
                  },
                ],
              },
            },
          },
        }),
        createWhoAmIPlugin('assurance'),
        createWhoAmIPlugin('catalog'),
      ],
    });
    return (pluginId: string, token: string) =>
      fetch(`http://localhost:${server.port()}/api/${pluginId}/whoami`, {
        headers: { Authorization: `Bearer ${token}` },
      });
  }

  it('turns the token into the restricted ci service principal', async () => {
    process.env.ASSURANCE_CI_TOKEN = 't';
    const call = await startBackend();

    const res = await call('assurance', 't');

    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      subject: 'ci',
      accessRestrictions: { permissionNames: ['assurance.evidence.create'] },
    });

    const other = await call('catalog', 't');
    expect(other.status).toBe(403);
  });

  it('starts and rejects every token when the variable is unset', async () => {
    delete process.env.ASSURANCE_CI_TOKEN;
    const call = await startBackend();

    const res = await call('assurance', 't');

    expect(res.status).toBe(401);
  });
});
