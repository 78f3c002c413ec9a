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
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { effectivePolicy } from '../../__testUtils__/gates';
import { EffectivePolicyPanel } from './EffectivePolicyPanel';

const policy = effectivePolicy({
  environment: 'prod',
  version: `sha256:${'12345678'.repeat(8)}`,
  requiredGates: [
    { value: 'unit-tests', source: { layer: 'platform' } },
    {
      value: 'sbom',
      source: { layer: 'group', name: 'group:default/team-payments' },
    },
  ],
  gates: {
    coverage: {
      minLineRate: {
        value: 0.8,
        source: { layer: 'profile', name: 'strict' },
      },
      freshnessDays: { value: 14, source: { layer: 'platform' } },
    },
    'dependency-scan': {
      maxFindings: {
        value: { critical: 0, high: 2 },
        source: { layer: 'environment', name: 'prod' },
      },
    },
  },
  maxOverrideDays: 14,
  refused: [
    {
      source: { layer: 'entity' },
      key: 'coverage.minLineRate',
      message: 'Lowers 0.8 to 0.5; the platform does not allow lowering it',
    },
  ],
  history: [
    {
      version: `sha256:${'12345678'.repeat(8)}`,
      previousVersion: `sha256:${'87654321'.repeat(8)}`,
      changedAt: '2026-03-02T10:00:00Z',
    },
    {
      version: `sha256:${'87654321'.repeat(8)}`,
      changedAt: '2026-01-15T09:30:00Z',
    },
  ],
});

describe('EffectivePolicyPanel', () => {
  it('shows each required gate and setting with its source', async () => {
    await renderInTestApp(
      <EffectivePolicyPanel
        policy={{ loading: false, value: policy }}
        gateTitles={{ 'unit-tests': 'Unit tests' }}
      />,
    );

    expect(screen.getByText('Version 12345678')).toBeInTheDocument();
    expect(screen.getByText('1 refused')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Required gates' }),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Effective policy'));

    const required = screen.getByRole('table', { name: 'Required gates' });
    const rows = within(required).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('Unit testsplatform');
    expect(rows[1]).toHaveTextContent('sbomgroup team-payments');

    const settings = within(
      screen.getByRole('table', { name: 'Gate settings' }),
    ).getAllByRole('row');
    expect(settings.map(row => row.textContent)).toEqual([
      'GateSettingValueSource',
      'coverageminLineRate0.8profile strict',
      'coveragefreshnessDays14platform',
      'dependency-scanmaxFindingscritical: 0, high: 2environment prod',
    ]);
    expect(
      screen.getByText('An override lasts at most 14 days.'),
    ).toBeInTheDocument();
  });

  it('warns about refused values', async () => {
    await renderInTestApp(
      <EffectivePolicyPanel policy={{ loading: false, value: policy }} />,
    );
    await userEvent.click(screen.getByText('Effective policy'));

    const refused = screen.getByTestId('assurance-policy-refused');
    expect(refused).toHaveTextContent(
      'Refused: coverage.minLineRate from entity',
    );
    expect(refused).toHaveTextContent(
      'Lowers 0.8 to 0.5; the platform does not allow lowering it',
    );
  });

  it('shows the history, marking the version in force', async () => {
    await renderInTestApp(
      <EffectivePolicyPanel
        policy={{
          loading: false,
          value: { ...policy, environment: undefined },
        }}
      />,
    );
    await userEvent.click(screen.getByText('Effective policy'));

    expect(
      screen.getByText('Entity policy history (without an environment layer)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('assurance-policy-environment-note'),
    ).not.toBeInTheDocument();

    const rows = within(
      screen.getByRole('table', { name: 'Policy history' }),
    ).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('12345678 (in force)');
    expect(rows[2]).toHaveTextContent('87654321');
    expect(rows[2]).not.toHaveTextContent('in force');
    expect(within(rows[2]).getByRole('time')).toHaveAttribute(
      'dateTime',
      '2026-01-15T09:30:00Z',
    );
  });

  it('shows progress, then the error', async () => {
    const { rerender } = await renderInTestApp(
      <EffectivePolicyPanel policy={{ loading: true }} />,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();

    rerender(
      <EffectivePolicyPanel
        policy={{ loading: false, error: new Error('Policy is invalid') }}
      />,
    );
    expect(
      (await screen.findAllByText(/Policy is invalid/)).length,
    ).toBeGreaterThan(0);
  });

  it('in an environment view, marks the entity-level version in force and says what the layer changes', async () => {
    await renderInTestApp(
      <EffectivePolicyPanel
        policy={{
          loading: false,
          value: { ...policy, version: `sha256:${'949e2d0e'.repeat(8)}` },
        }}
        entityVersion={`sha256:${'87654321'.repeat(8)}`}
      />,
    );

    expect(
      screen.getByTestId('assurance-policy-environment-note'),
    ).toHaveTextContent(
      'The prod layer changes the version to 949e2d0e (entity level: 87654321)',
    );
    await userEvent.click(screen.getByText('Effective policy'));
    const rows = within(
      screen.getByRole('table', { name: 'Policy history' }),
    ).getAllByRole('row');
    expect(rows[1]).not.toHaveTextContent('in force');
    expect(rows[2]).toHaveTextContent('87654321 (in force)');
  });

  it('marks nothing in force when the entity-level version is unknown', async () => {
    await renderInTestApp(
      <EffectivePolicyPanel policy={{ loading: false, value: policy }} />,
    );

    expect(
      screen.getByTestId('assurance-policy-environment-note'),
    ).toHaveTextContent('With the prod layer the version is 12345678');
    await userEvent.click(screen.getByText('Effective policy'));
    expect(
      within(screen.getByRole('table', { name: 'Policy history' })).queryByText(
        /in force/,
      ),
    ).not.toBeInTheDocument();
  });
});
