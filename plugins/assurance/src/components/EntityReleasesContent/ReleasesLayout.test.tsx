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
import userEvent from '@testing-library/user-event';
import { mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  deploymentMeasures,
  environmentState,
  pendingPromotion,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

jest.setTimeout(20_000);

function environments(names: string[]) {
  return names.map((name, order) =>
    environmentState({
      name,
      order,
      activeRelease: release({ id: `rel-${name}`, environment: name }),
    }),
  );
}

/** The md width class of each card's grid item, e.g. "MuiGrid-grid-md-3". */
function cardWidths() {
  return screen
    .getAllByTestId(/^environment-/)
    .map(card =>
      Array.from(card.parentElement!.classList).find(c =>
        c.startsWith('MuiGrid-grid-md-'),
      ),
    );
}

describe('Releases tab layout', () => {
  it('fits four environments in one row', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        environments(['dev', 'qa', 'staging', 'prod']),
      ),
    });
    await renderReleases(api);

    await screen.findByRole('region', { name: 'Environment prod' });
    expect(cardWidths()).toEqual([
      'MuiGrid-grid-md-3',
      'MuiGrid-grid-md-3',
      'MuiGrid-grid-md-3',
      'MuiGrid-grid-md-3',
    ]);
  });

  it('gives fewer environments wider cards', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        environments(['dev', 'staging', 'prod']),
      ),
    });
    await renderReleases(api);

    await screen.findByRole('region', { name: 'Environment prod' });
    expect(cardWidths()).toEqual([
      'MuiGrid-grid-md-4',
      'MuiGrid-grid-md-4',
      'MuiGrid-grid-md-4',
    ]);
  });

  it('renders without key or nesting warnings, headings never inside headings', async () => {
    const errors = jest.spyOn(console, 'error');
    const inProd = release({
      status: 'deploying',
      approvedBy: 'user:default/carol',
      rollbackOf: 'rel-0',
      evidenceIds: ['ev-1', 'ev-2', 'ev-3', 'ev-4'],
    });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        ...environments(['dev', 'qa', 'staging']),
        environmentState({
          order: 3,
          activeRelease: inProd,
          rollbackTarget: release({ id: 'rel-0' }),
          pendingApprovals: [pendingPromotion()],
          activeGates: { sast: 'passed', sca: 'failed' },
        }),
      ]),
      listReleases: jest.fn(async () => ({
        items: [inProd, release({ id: 'rel-0' })],
      })),
      getDeploymentMeasures: jest.fn(async () =>
        deploymentMeasures([
          { deployments: 2, failures: 1 },
          { deployments: 0, failures: 0 },
        ]),
      ),
    });
    await renderReleases(api);

    await screen.findByTestId('release-history');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show weekly numbers' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Mark failed: 1.4.2 in prod' }),
    );
    await screen.findByRole('dialog');

    const headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
    expect(headings.length).toBeGreaterThan(0);
    headings.forEach(heading =>
      expect(
        heading.querySelector('h1, h2, h3, h4, h5, h6'),
      ).not.toBeInTheDocument(),
    );
    const warnings = errors.mock.calls
      .map(args => String(args[0]))
      .filter(message => /unique "key"|validateDOMNesting/.test(message));
    expect(warnings).toEqual([]);
    errors.mockRestore();
  });
});
