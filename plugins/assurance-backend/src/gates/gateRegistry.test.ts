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
  GateDefinition,
  assuranceGatesExtensionPoint,
} from '@real-app-forever/plugin-assurance-node';
import request from 'supertest';
import { assurancePlugin } from '../plugin';
import { createGateRegistry } from './gateRegistry';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-web',
    annotations: { 'real-app-forever.dev/risk-level': 'low' },
  },
  spec: { type: 'website', owner: 'team-storefront', lifecycle: 'production' },
};

const fuzzGate: GateDefinition = {
  id: 'fuzz',
  title: 'Fuzzing',
  formats: ['junit'],
  missingRemediation: 'Run the fuzzer and upload its JUnit report.',
  evaluate: evidence => ({
    status: 'passed',
    reason: `Fuzzed with ${evidence.length} report.`,
    remediation: '',
  }),
};

function gatesModule(...gates: GateDefinition[]) {
  return createBackendModule({
    pluginId: 'assurance',
    moduleId: 'test-gates',
    register(env) {
      env.registerInit({
        deps: { gates: assuranceGatesExtensionPoint },
        async init(deps) {
          deps.gates.addGate(...gates);
        },
      });
    },
  });
}

describe('createGateRegistry', () => {
  it('holds the built-in gates, then added ones; an id collision replaces', () => {
    const registry = createGateRegistry();
    expect([...registry.gates.keys()]).toEqual([
      'lint',
      'unit-tests',
      'integration-tests',
      'smoke-test',
      'static-analysis',
      'dependency-scan',
      'secret-scan',
      'sbom',
      'provenance',
      'coverage',
      'scorecard',
    ]);
    const strictSbom = { ...fuzzGate, id: 'sbom', title: 'Strict SBOM' };
    registry.extensionPoint.addGate(fuzzGate, strictSbom);
    expect(registry.gates.get('fuzz')).toBe(fuzzGate);
    expect(registry.gates.get('sbom')?.title).toBe('Strict SBOM');
    expect(registry.gates.size).toBe(12);
  });

  it('refuses an id that is not lower-case letters, digits and dashes', () => {
    expect(() =>
      createGateRegistry().extensionPoint.addGate({ ...fuzzGate, id: 'Fuzz!' }),
    ).toThrow("Invalid gate id 'Fuzz!'");
  });
});

describe('assuranceGatesExtensionPoint', () => {
  it('lets a module add a gate that the policy can then require', async () => {
    const { server } = await startTestBackend({
      features: [
        assurancePlugin,
        gatesModule(fuzzGate),
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            assurance: {
              gatePolicy: {
                riskLevels: { low: { requiredGates: ['unit-tests', 'fuzz'] } },
              },
            },
          },
        }),
      ],
    });

    const upload = await request(server)
      .post('/api/assurance/v1/evidence')
      .set('Authorization', mockCredentials.user.header())
      .field('entityRef', 'checkout-web')
      .attach(
        'file',
        Buffer.from('<testsuite><testcase name="a"/></testsuite>'),
        'junit.xml',
      );
    expect(upload.status).toBe(201);

    const gates = await request(server)
      .get('/api/assurance/v1/entities/component/default/checkout-web/gates')
      .set('Authorization', mockCredentials.user.header());
    expect(gates.status).toBe(200);
    expect(gates.body.gates).toMatchObject([
      { id: 'unit-tests', status: 'passed' },
      {
        id: 'fuzz',
        title: 'Fuzzing',
        status: 'passed',
        reason: 'Fuzzed with 1 report.',
      },
    ]);
  });

  it('fails startup when the policy requires a gate nobody added', async () => {
    await expect(
      startTestBackend({
        features: [
          assurancePlugin,
          catalogServiceMock.factory({ entities: [entity] }),
          mockServices.rootConfig.factory({
            data: {
              assurance: {
                gatePolicy: {
                  riskLevels: { low: { requiredGates: ['fuzz'] } },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/fuzz/);
  });
});
