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

import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { EnvironmentDrift } from '@real-app-forever/plugin-assurance-common';
import { ENTITY_REF } from '../../__testUtils__/evidence';
import { DriftPanel } from './DriftPanel';

function report(environment: string, version: string, reportedAt: string) {
  return {
    id: `rc-${environment}-${version}`,
    entityRef: ENTITY_REF,
    environment,
    version: `sha256:${version.repeat(8)}`,
    reportedBy: 'user:default/ci',
    reportedAt,
  };
}

const drift: EnvironmentDrift[] = [
  {
    environment: 'dev',
    status: 'in-sync',
    reason: 'The reported config matches the policy',
    latest: report('dev', 'aaaa1111', '2026-03-01T10:00:00Z'),
    lastKnownGood: report('dev', 'aaaa1111', '2026-03-01T10:00:00Z'),
    differences: [],
  },
  {
    environment: 'prod',
    status: 'drifted',
    reason: '2 keys differ from the policy',
    latest: report('prod', 'bbbb2222', '2026-03-02T10:00:00Z'),
    lastKnownGood: report('prod', 'cccc3333', '2026-02-20T08:00:00Z'),
    differences: [
      { key: 'coverage.minLineRate', expected: 0.8, actual: 0.5 },
      { key: 'requiredGates', expected: ['sbom'], actual: undefined },
    ],
  },
  {
    environment: 'staging',
    status: 'unknown',
    reason: 'No runtime config was reported',
    differences: [],
  },
];

function row(environment: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[data-drift-environment="${environment}"]`,
  );
  if (!found) {
    throw new Error(`No row for ${environment}`);
  }
  return found;
}

describe('DriftPanel', () => {
  it('shows the status of every environment', async () => {
    await renderInTestApp(
      <DriftPanel drift={{ loading: false, value: drift }} />,
    );

    expect(row('dev')).toHaveAttribute('data-drift-status', 'in-sync');
    expect(within(row('dev')).getByText('In sync')).toBeInTheDocument();
    expect(row('dev')).toHaveTextContent(
      'by user:default/ci · version aaaa1111',
    );

    expect(within(row('prod')).getByText('Drifted')).toBeInTheDocument();
    expect(row('prod')).toHaveTextContent('2 keys differ from the policy');
    expect(row('prod')).toHaveTextContent('version cccc3333');

    expect(within(row('staging')).getByText('Unknown')).toBeInTheDocument();
    expect(row('staging')).toHaveTextContent('Never reported');
    expect(row('staging')).toHaveTextContent('None');
  });

  it('lists the differences of a drifted environment only', async () => {
    await renderInTestApp(
      <DriftPanel drift={{ loading: false, value: drift }} />,
    );

    expect(
      screen.queryByRole('table', { name: 'Differences in dev' }),
    ).not.toBeInTheDocument();
    const differences = within(
      screen.getByRole('table', { name: 'Differences in prod' }),
    ).getAllByRole('row');
    expect(differences.map(item => item.textContent)).toEqual([
      'KeyExpectedActual',
      'coverage.minLineRate0.80.5',
      'requiredGates["sbom"](not set)',
    ]);
  });

  it('shows progress, the error, or that there are no environments', async () => {
    const { rerender } = await renderInTestApp(
      <DriftPanel drift={{ loading: true }} />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    rerender(
      <DriftPanel
        drift={{ loading: false, error: new Error('Drift is down') }}
      />,
    );
    expect(
      (await screen.findAllByText(/Drift is down/)).length,
    ).toBeGreaterThan(0);

    rerender(<DriftPanel drift={{ loading: false, value: [] }} />);
    expect(screen.getByText('No environments')).toBeInTheDocument();
  });
});
