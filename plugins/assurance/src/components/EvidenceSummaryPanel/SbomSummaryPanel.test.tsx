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
import type {
  SbomComponent,
  SbomSummary,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceSummaryPanel } from './EvidenceSummaryPanel';

function component(index: number): SbomComponent {
  const name = `pkg-${String(index).padStart(4, '0')}`;
  return {
    name,
    version: '1.0.0',
    purl: `pkg:npm/${name}@1.0.0`,
    licenses: index % 2 ? ['MIT'] : ['Apache-2.0'],
  };
}

describe('SbomSummaryPanel', () => {
  it('lists components with purl and licences', async () => {
    const summary: SbomSummary = {
      kind: 'sbom',
      specName: 'CycloneDX',
      specVersion: '1.6',
      componentCount: 2,
      primaryComponent: {
        name: 'payments',
        version: '2.0.0',
        purl: 'pkg:npm/payments@2.0.0',
      },
      components: [
        {
          name: 'react',
          version: '18.3.1',
          purl: 'pkg:npm/react@18.3.1',
          licenses: ['MIT'],
        },
        { name: 'mystery', licenses: [] },
      ],
      dependencies: [{ from: 'payments', to: 'react' }],
    };
    await renderInTestApp(<EvidenceSummaryPanel summary={summary} />);

    expect(screen.getByText('Spec: CycloneDX')).toBeInTheDocument();
    expect(screen.getByText('Components: 2')).toBeInTheDocument();
    expect(screen.getByText('Dependency edges: 1')).toBeInTheDocument();
    expect(screen.getByText('Distinct licences: 1')).toBeInTheDocument();
    expect(
      screen.getByText('Primary component: payments@2.0.0'),
    ).toBeInTheDocument();
    expect(screen.getByText('pkg:npm/payments@2.0.0')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'SBOM components' });
    const react = within(table).getByText('react').closest('tr')!;
    expect(within(react).getByText('18.3.1')).toBeInTheDocument();
    expect(within(react).getByText('pkg:npm/react@18.3.1')).toBeInTheDocument();
    expect(within(react).getByText('MIT')).toBeInTheDocument();
    const mystery = within(table).getByText('mystery').closest('tr')!;
    expect(within(mystery).getByText('none declared')).toBeInTheDocument();
  });

  it('shows the first 200 of a long list and filters by name', async () => {
    const components = Array.from({ length: 1500 }, (_, i) => component(i));
    await renderInTestApp(
      <EvidenceSummaryPanel
        summary={{
          kind: 'sbom',
          componentCount: 12000,
          components,
          dependencyCount: 4000,
        }}
      />,
    );

    const table = screen.getByRole('table', { name: 'SBOM components' });
    // One header row and 200 component rows.
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(
      screen.getByText('Showing the first 200 of 1500 components.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The backend kept the first 1500 of 12000 components.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Dependency edges: 4000')).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter components' }),
      'pkg-142',
    );

    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getByText('pkg-1420')).toBeInTheDocument();
    expect(screen.queryByText(/Showing the first 200/)).not.toBeInTheDocument();
  });

  it('explains summaries stored before components were listed', async () => {
    await renderInTestApp(
      <EvidenceSummaryPanel summary={{ kind: 'sbom', componentCount: 3 }} />,
    );

    expect(
      screen.getByText(/stored before components were listed/),
    ).toBeInTheDocument();
  });
});
