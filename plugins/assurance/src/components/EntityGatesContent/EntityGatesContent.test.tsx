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
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type {
  AssuranceApi,
  EntityGates,
  GateResult,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { assuranceApiRef } from '../../api';
import { EntityGatesContent } from './EntityGatesContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const threeDaysAgo = DateTime.now().minus({ days: 3 }).toUTC().toISO()!;

function gate(overrides: Partial<GateResult>): GateResult {
  return {
    id: 'unit-tests',
    title: 'Unit tests',
    status: 'passed',
    reason: '',
    remediation: '',
    evidenceIds: [],
    evidenceUploadedAt: threeDaysAgo,
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

function mockApi(getGates: AssuranceApi['getGates']): AssuranceApi {
  return {
    getGates: jest.fn(getGates),
    listEvidence: jest.fn(),
    getEvidence: jest.fn(),
    getEvidenceContentUrl: jest.fn(),
    verifyEvidence: jest.fn(),
    getEvidenceExportUrl: jest.fn(),
    listArtifacts: jest.fn(),
  };
}

async function renderGates(api: AssuranceApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[assuranceApiRef, api]]}>
      <EntityProvider entity={entity}>
        <Routes>
          <Route
            path="/catalog/:namespace/:kind/:name/gates/*"
            element={<EntityGatesContent />}
          />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    { routeEntries: ['/catalog/default/component/payments/gates'] },
  );
}

describe('EntityGatesContent', () => {
  it('shows progress, then one row per gate in policy order', async () => {
    let resolve: (gates: EntityGates) => void = () => {};
    const api = mockApi(
      () =>
        new Promise<EntityGates>(r => {
          resolve = r;
        }),
    );

    await renderGates(api);

    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getGates).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
    });

    resolve({
      entityRef: 'component:default/payments',
      riskLevel: 'high',
      gates: [
        gate({
          id: 'unit-tests',
          title: 'Unit tests',
          status: 'failed',
          reason: '3 of 120 tests failed',
          remediation: 'Fix the failing tests and upload a new report',
          evidenceIds: ['ev-123456789'],
        }),
        gate({
          id: 'static-analysis',
          title: 'Static analysis',
          status: 'passed',
          reason: 'No results of level error',
          remediation: 'Never shown for a passed gate',
          evidenceIds: ['ev-2'],
        }),
        gate({
          id: 'dependency-scan',
          title: 'Dependency scan',
          status: 'missing',
          reason: 'No vulnerability scan was uploaded',
          remediation: 'Upload npm audit --json output',
        }),
        gate({
          id: 'sbom',
          title: 'SBOM',
          status: 'unknown',
          reason: 'The SBOM has no components',
          remediation: 'Generate the SBOM from the build',
        }),
      ],
    });

    expect(await screen.findByText('Unit tests')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
    expect(
      screen.getByText('Risk level: high · 1 of 4 gates passed'),
    ).toBeInTheDocument();

    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('3 of 120 tests failed')).toBeInTheDocument();
    expect(
      screen.getByText('Fix the failing tests and upload a new report'),
    ).toBeInTheDocument();

    expect(screen.getByText('Passed')).toBeInTheDocument();
    expect(screen.getByText('No results of level error')).toBeInTheDocument();
    expect(
      screen.queryByText('Never shown for a passed gate'),
    ).not.toBeInTheDocument();

    expect(screen.getByText('Missing')).toBeInTheDocument();
    expect(screen.getByText('Unknown')).toBeInTheDocument();

    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => row.textContent);
    expect(titles[0]).toContain('Unit tests');
    expect(titles[3]).toContain('SBOM');

    expect(screen.getByRole('link', { name: 'ev-12345' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/evidence?id=ev-123456789',
    );
    expect(screen.getAllByText('3 days ago')).toHaveLength(4);
  });

  it('shows the error when the gates cannot be loaded', async () => {
    const api = mockApi(async () => {
      throw new Error('The assurance backend is down');
    });

    await renderGates(api);

    expect(
      await screen.findAllByText(/The assurance backend is down/),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an empty state when no gates apply', async () => {
    const api = mockApi(async () => ({
      entityRef: 'component:default/payments',
      riskLevel: 'low',
      gates: [],
    }));

    await renderGates(api);

    expect(
      await screen.findByText('No gates apply to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The gate policy requires no gates for risk level low.'),
    ).toBeInTheDocument();
  });
});
