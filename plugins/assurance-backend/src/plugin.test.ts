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

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EvidenceRefusedError,
  assuranceParsersExtensionPoint,
} from '@real-app-forever/plugin-assurance-node';
import request from 'supertest';
import { assurancePlugin } from './plugin';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-web' },
  spec: { type: 'website', owner: 'team-storefront', lifecycle: 'production' },
};

describe('assurancePlugin', () => {
  it('serves the API with the policy from config', async () => {
    const { server } = await startTestBackend({
      features: [
        assurancePlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            assurance: {
              gatePolicy: {
                defaultRiskLevel: 'low',
                riskLevels: { low: { requiredGates: ['sbom'] } },
              },
            },
          },
        }),
      ],
    });

    const gates = await request(server)
      .get('/api/assurance/v1/entities/component/default/checkout-web/gates')
      .set('Authorization', mockCredentials.user.header());
    expect(gates.status).toBe(200);
    expect(gates.body).toMatchObject({
      riskLevel: 'low',
      gates: [{ id: 'sbom', status: 'missing' }],
    });

    const upload = await request(server)
      .post('/api/assurance/v1/evidence')
      .set('Authorization', mockCredentials.user.header())
      .field('entityRef', 'checkout-web')
      .attach(
        'file',
        Buffer.from(
          JSON.stringify({
            bomFormat: 'CycloneDX',
            specVersion: '1.5',
            components: [{ type: 'library', name: 'react', version: '18.3.1' }],
          }),
        ),
        'bom.json',
      );
    expect(upload.status).toBe(201);
    expect(upload.body.summary).toMatchObject({
      kind: 'sbom',
      componentCount: 1,
    });
  });

  it('refuses to start with an invalid gate policy', async () => {
    await expect(
      startTestBackend({
        features: [
          assurancePlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              assurance: {
                gatePolicy: {
                  riskLevels: { high: { requiredGates: ['nope'] } },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /assurance\.gatePolicy\.riskLevels\.high\.requiredGates\.0/,
    );
  });

  it('lets a module replace a parser through the extension point', async () => {
    const module = createBackendModule({
      pluginId: 'assurance',
      moduleId: 'strict-junit',
      register(env) {
        env.registerInit({
          deps: { parsers: assuranceParsersExtensionPoint },
          async init({ parsers }) {
            parsers.addParser({
              format: 'junit',
              detect: input => input.text.includes('<testsuite'),
              parse: () => {
                throw new EvidenceRefusedError('this organisation wants TAP');
              },
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        assurancePlugin,
        module,
        catalogServiceMock.factory({ entities: [entity] }),
      ],
    });

    const upload = await request(server)
      .post('/api/assurance/v1/evidence')
      .set('Authorization', mockCredentials.user.header())
      .field('entityRef', 'checkout-web')
      .attach('file', Buffer.from('<testsuite tests="0"/>'), 'junit.xml');
    expect(upload.status).toBe(400);
    expect(upload.body.error.message).toBe(
      'Evidence refused: this organisation wants TAP',
    );
  });
});
