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
import type { CoverageSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceSummaryPanel } from './EvidenceSummaryPanel';

const summary: CoverageSummary = {
  kind: 'coverage',
  lineRate: 0.8534,
  branchRate: null,
  linesCovered: 853,
  linesValid: 1000,
  branchesCovered: 0,
  branchesValid: 0,
  files: [
    {
      path: 'src/well.ts',
      lineRate: 0.95,
      branchRate: 0.5,
      linesCovered: 95,
      linesValid: 100,
    },
    {
      path: 'src/types.ts',
      lineRate: null,
      branchRate: null,
      linesCovered: 0,
      linesValid: 0,
    },
    {
      path: 'src/poor.ts',
      lineRate: 0.1,
      branchRate: null,
      linesCovered: 1,
      linesValid: 10,
    },
  ],
};

describe('CoverageSummaryPanel', () => {
  it('shows the rates as percentages and files least covered first', async () => {
    await renderInTestApp(<EvidenceSummaryPanel summary={summary} />);

    expect(screen.getByText('Lines: 85.3% (853 of 1000)')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Lines covered' }),
    ).toHaveAttribute('aria-valuenow', '85');
    expect(screen.getByText('Branches: n/a')).toBeInTheDocument();
    expect(
      screen.queryByRole('progressbar', { name: 'Branches covered' }),
    ).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Coverage by file' });
    const paths = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(paths).toEqual(['src/poor.ts', 'src/well.ts', 'src/types.ts']);
    const poor = within(table).getByText('src/poor.ts').closest('tr')!;
    expect(within(poor).getByText('10.0%')).toBeInTheDocument();
    expect(within(poor).getByText('1 / 10')).toBeInTheDocument();
  });
});
