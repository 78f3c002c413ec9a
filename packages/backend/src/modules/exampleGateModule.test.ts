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
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import assurancePlugin from '@real-app-forever/plugin-assurance-backend';
import {
  EvidenceRecord,
  SbomComponent,
} from '@real-app-forever/plugin-assurance-common';
import { AddressInfo } from 'node:net';
import exampleGateModule, { licensePolicyGate } from './exampleGateModule';

function sbom(components?: SbomComponent[]): EvidenceRecord {
  return {
    id: 'e1',
    entityRef: 'component:default/checkout-web',
    format: 'cyclonedx-json',
    fileName: 'bom.json',
    sha256: 'f'.repeat(64),
    size: 1,
    uploadedBy: 'ci',
    uploadedAt: '2026-12-01T00:00:00.000Z',
    summary: {
      kind: 'sbom',
      componentCount: components?.length ?? 0,
      components,
    },
  };
}

function evaluate(components?: SbomComponent[]) {
  return licensePolicyGate.evaluate([sbom(components)], {
    settings: {},
    riskLevel: 'medium',
    now: new Date('2026-12-03T00:00:00.000Z'),
  });
}

describe('licensePolicyGate', () => {
  it.each([
    'GPL-3.0-only',
    'GPL-2.0-or-later',
    'AGPL-3.0',
    'GPLv2',
    'GNU General Public License v3.0',
    'GNU Affero General Public License',
    'MIT AND GPL-2.0-only',
  ])('fails on %s', license => {
    const verdict = evaluate([
      { name: 'readline', version: '8.2', licenses: [license] },
    ]);
    expect(verdict.status).toBe('failed');
    expect(verdict.reason).toBe(
      `1 component is under GPL or AGPL: readline@8.2 (${license}).`,
    );
  });

  it.each([
    'MIT',
    'LGPL-2.1-only',
    'GNU Lesser General Public License',
    'MIT OR GPL-3.0-only',
    'Apache-2.0',
  ])('passes %s', license => {
    expect(
      evaluate([
        { name: 'lib', licenses: [license] },
        { name: 'x', licenses: [] },
      ]).status,
    ).toBe('passed');
  });

  it('is unknown when the SBOM lists no components', () => {
    expect(evaluate(undefined).status).toBe('unknown');
  });
});

describe('exampleGateModule', () => {
  const entity = (annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-web', annotations },
    spec: {
      type: 'website',
      owner: 'team-storefront',
      lifecycle: 'production',
    },
  });

  async function gatesOf(annotations: Record<string, string>) {
    const { server } = await startTestBackend({
      features: [
        assurancePlugin,
        exampleGateModule,
        catalogServiceMock.factory({ entities: [entity(annotations)] }),
        mockServices.rootConfig.factory({
          data: {
            assurance: {
              gatePolicy: {
                profiles: {
                  'licence-checked': { requiredGates: ['license-policy'] },
                },
              },
            },
          },
        }),
      ],
    });
    const { port } = server.address() as AddressInfo;
    const response = await fetch(
      `http://localhost:${port}/api/assurance/v1/entities/component/default/checkout-web/gates`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    return body.gates.map((g: { id: string }) => g.id);
  }

  it('is installed but required only where a profile asks for it', async () => {
    const risk = { 'real-app-forever.dev/risk-level': 'low' };
    expect(await gatesOf(risk)).toEqual(['unit-tests']);
    expect(
      await gatesOf({
        ...risk,
        'real-app-forever.dev/gate-policy': 'licence-checked',
      }),
    ).toEqual(['unit-tests', 'license-policy']);
  });
});
