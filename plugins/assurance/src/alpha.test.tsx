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

import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { AssuranceApi } from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { assuranceApiRef } from './api';
import assurancePlugin, {
  assuranceEntityEvidenceContent,
  assuranceEntityGatesContent,
  assuranceEntityReleasesContent,
} from './alpha';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const api: Entity = { ...component, kind: 'API' };

const assuranceApi: AssuranceApi = {
  getGates: async () => ({
    entityRef: 'component:default/payments',
    riskLevel: 'medium',
    gates: [
      {
        id: 'unit-tests',
        title: 'Unit tests',
        status: 'failed',
        reason: '1 test failed',
        remediation: 'Fix the test',
        evidenceIds: ['ev-1'],
        evaluatedAt: DateTime.now().toUTC().toISO()!,
      },
    ],
  }),
  listEvidence: async () => ({ items: [] }),
  getEvidence: async () => {
    throw new Error('not used');
  },
  getEvidenceContentUrl: async () => 'http://example.com/content',
  verifyEvidence: jest.fn(),
  getEvidenceExportUrl: async () => 'http://example.com/export',
  listArtifacts: async () => [],
  getPolicy: async () => ({
    entityRef: 'component:default/payments',
    riskLevel: 'medium',
    version: 'sha256:0123456789abcdef',
    requiredGates: [{ value: 'unit-tests', source: { layer: 'platform' } }],
    gates: {},
    maxOverrideDays: 30,
    refused: [],
  }),
  listOverrides: async () => [],
  requestOverride: jest.fn(),
  approveOverride: jest.fn(),
  rejectOverride: jest.fn(),
  getDrift: async () => [],
  listEnvironments: async () => [],
  listReleases: async () => ({ items: [] }),
  getDeploymentMeasures: jest.fn(),
  promote: jest.fn(),
  approveRelease: jest.fn(),
  rejectRelease: jest.fn(),
  updateRelease: jest.fn(),
  rollback: jest.fn(),
};

describe('assurance plugin (new frontend system)', () => {
  it('provides the api and the three entity tabs', () => {
    expect(assurancePlugin.pluginId).toBe('assurance');
    expect(assurancePlugin.getExtension('api:assurance')).toBeDefined();
    expect(
      assurancePlugin.getExtension('entity-content:assurance/gates'),
    ).toBeDefined();
    expect(
      assurancePlugin.getExtension('entity-content:assurance/evidence'),
    ).toBeDefined();
    expect(
      assurancePlugin.getExtension('entity-content:assurance/releases'),
    ).toBeDefined();
  });

  it('shows the Releases tab on Component entities only', () => {
    const tester = createExtensionTester(assuranceEntityReleasesContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.routePath)).toBe('releases');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Releases');
    expect(filter(component)).toBe(true);
    expect(filter(api)).toBe(false);
  });

  it('shows the Gates tab on Component entities only', () => {
    const tester = createExtensionTester(assuranceEntityGatesContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.routePath)).toBe('gates');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Gates');
    expect(filter(component)).toBe(true);
    expect(filter(api)).toBe(false);
  });

  it('shows the Evidence tab on Component entities only', () => {
    const tester = createExtensionTester(assuranceEntityEvidenceContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.routePath)).toBe('evidence');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Evidence');
    expect(filter(component)).toBe(true);
    expect(filter(api)).toBe(false);
  });

  it('renders the Gates tab on an entity page', async () => {
    renderTestApp({
      features: [assurancePlugin],
      extensions: [createTestEntityPage({ entity: component })],
      initialRouteEntries: ['/gates'],
      apis: [[assuranceApiRef, assuranceApi]],
    });

    expect(await screen.findByText('Risk level: medium')).toBeInTheDocument();
    expect(screen.getByText('0 of 1 gates passed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ev-1' })).toHaveAttribute(
      'href',
      '/evidence?id=ev-1',
    );
  });
});
