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

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  deploymentMeasures,
  environmentState,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

jest.setTimeout(20_000);

describe('Deployment measures', () => {
  it('charts the last environment by default, with totals in words and a table', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'prod', order: 2 }),
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ name: 'staging', order: 1 }),
      ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      getDeploymentMeasures: jest.fn(async ({ environment }) =>
        deploymentMeasures(
          [
            { deployments: 2, failures: 0 },
            { deployments: 0, failures: 0 },
            { deployments: 4, failures: 1 },
          ],
          environment,
        ),
      ),
    });
    await renderReleases(api);

    const totals = await screen.findByTestId('deployment-measures-totals');
    expect(api.getDeploymentMeasures).toHaveBeenCalledTimes(1);
    expect(api.getDeploymentMeasures).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      environment: 'prod',
      weeks: 12,
    });
    expect(totals).toHaveTextContent(
      '2 deployments/week to prod · change-failure rate 16.7%',
    );
    expect(
      screen.getByText('6 deployments, 1 failed or rolled back in 3 weeks'),
    ).toBeInTheDocument();
    const chart = screen.getByTestId('deployment-measures-chart');
    expect(
      chart.querySelectorAll('.recharts-bar-rectangle').length,
    ).toBeGreaterThan(0);

    await userEvent.click(
      screen.getByRole('button', { name: 'Show weekly numbers' }),
    );
    const table = screen.getByRole('table', {
      name: 'Deployments and failures by week in prod',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      ['2', '0', '0.0%'],
      ['0', '0', 'n/a'],
      ['4', '1', '25.0%'],
    ]);
  });

  it('measures another environment when asked', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ name: 'prod', order: 1 }),
      ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      getDeploymentMeasures: jest.fn(async ({ environment }) =>
        deploymentMeasures([{ deployments: 3, failures: 0 }], environment),
      ),
    });
    await renderReleases(api);
    await screen.findByTestId('deployment-measures-totals');

    await userEvent.selectOptions(
      screen.getByLabelText('Measured environment'),
      'dev',
    );

    await waitFor(() =>
      expect(
        screen.getByTestId('deployment-measures-totals'),
      ).toHaveTextContent(
        '3 deployments/week to dev · change-failure rate 0.0%',
      ),
    );
    expect(api.getDeploymentMeasures).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      environment: 'dev',
      weeks: 12,
    });
    expect(screen.getByTestId('location-search')).toHaveTextContent(
      '?measures=dev',
    );
  });

  it.each([
    ['/?measures=dev', 'dev'],
    ['/?measures=moon', 'prod'],
  ])('opens %s on %s', async (route, expected) => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ name: 'prod', order: 1 }),
      ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      getDeploymentMeasures: jest.fn(async ({ environment }) =>
        deploymentMeasures([{ deployments: 3, failures: 0 }], environment),
      ),
    });
    await renderReleases(api, { route });

    await waitFor(() =>
      expect(
        screen.getByTestId('deployment-measures-totals'),
      ).toHaveTextContent(`3 deployments/week to ${expected}`),
    );
    expect(api.getDeploymentMeasures).not.toHaveBeenCalledWith(
      expect.objectContaining({ environment: 'moon' }),
    );
  });
});
