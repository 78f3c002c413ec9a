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
import { DateTime } from 'luxon';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  environmentState,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

jest.setTimeout(20_000);

const OLD_DIGEST = `sha256:ab12${'0'.repeat(60)}`;

function hoursAgo(hours: number): string {
  return DateTime.now().minus({ hours }).toUTC().toISO()!;
}

describe('EntityReleasesContent', () => {
  it('shows one card per environment in order, with its active release and rollback target', async () => {
    const active = release({ id: 'rel-2', createdAt: hoursAgo(2) });
    const target = release({
      id: 'rel-1',
      artifact: { name: 'payments', version: '1.4.1', digest: OLD_DIGEST },
      createdAt: hoursAgo(30),
    });
    const pending = release({
      id: 'rel-3',
      status: 'pending-approval',
      reason: 'Ship 1.5.0',
      artifact: {
        name: 'payments',
        version: '1.5.0',
        digest: `sha256:${'ef'.repeat(32)}`,
      },
      createdAt: hoursAgo(1),
    });
    const api = mockAssuranceApi({
      // Out of order on purpose: the tab orders by `order`.
      listEnvironments: jest.fn(async () => [
        environmentState({
          activeRelease: active,
          rollbackTarget: target,
          pendingApprovals: [pending],
        }),
        environmentState({ name: 'dev', order: 0 }),
      ]),
      listReleases: jest.fn(async () => ({ items: [active, target, pending] })),
    });

    await renderReleases(api);

    const prod = await screen.findByTestId('environment-prod');
    expect(api.listEnvironments).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
    });
    expect(api.listReleases).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      limit: 100,
    });

    const cards = screen.getAllByTestId(/^environment-/);
    expect(cards.map(card => card.dataset.testid)).toEqual([
      'environment-dev',
      'environment-prod',
    ]);

    expect(within(prod).getByText('1.4.2')).toBeInTheDocument();
    expect(within(prod).getByText('sha256:cd34cd34cd34…')).toHaveAttribute(
      'title',
      active.artifact.digest,
    );
    const deployedBy = within(prod).getByText(/^Deployed by/);
    expect(deployedBy).toHaveTextContent('Deployed by alice 2 hours ago');
    expect(
      within(deployedBy).getByRole('link', { name: 'alice' }),
    ).toHaveAttribute('href', '/catalog/default/user/alice');
    const when = within(prod).getByText('2 hours ago');
    expect(when).toHaveAttribute('dateTime', active.createdAt);
    expect(when.getAttribute('title')).toBeTruthy();
    expect(within(prod).getByText('Why: Fixes PAY-7')).toBeInTheDocument();
    expect(within(prod).getByText('Succeeded')).toBeInTheDocument();
    expect(within(prod).getByText('Migrations applied')).toBeInTheDocument();
    expect(
      within(prod).getByText('Rollback target: 1.4.1 (sha256:ab1200000000…)'),
    ).toBeInTheDocument();
    expect(within(prod).getByText('1 pending approval')).toBeInTheDocument();

    const dev = screen.getByTestId('environment-dev');
    expect(within(dev).getByText('Nothing deployed')).toBeInTheDocument();
    expect(within(dev).getByText('No rollback target')).toBeInTheDocument();
    expect(within(dev).getByText('0 pending approvals')).toBeInTheDocument();
  });

  it('says there is no rollback target', async () => {
    const active = release({ status: 'deploying', migrationStatus: 'pending' });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ activeRelease: active }),
      ]),
      listReleases: jest.fn(async () => ({ items: [active] })),
    });

    await renderReleases(api);

    const prod = await screen.findByTestId('environment-prod');
    expect(within(prod).getByText('No rollback target')).toBeInTheDocument();
    expect(within(prod).queryByText(/Rollback target/)).not.toBeInTheDocument();
    expect(within(prod).getByText('Deploying')).toBeInTheDocument();
    expect(within(prod).getByText('Migrations pending')).toBeInTheDocument();
  });

  it('says which release the active one rolled back, and when it began', async () => {
    const rolledBack = release({
      id: 'rel-bad',
      status: 'rolled-back',
      artifact: { name: 'payments', version: '1.5.0', digest: OLD_DIGEST },
    });
    const active = release({
      id: 'rel-back',
      status: 'deploying',
      rollbackOf: 'rel-bad',
      createdAt: DateTime.now().minus({ seconds: 5 }).toUTC().toISO()!,
    });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({
          activeRelease: active,
          rolledBackRelease: rolledBack,
        }),
      ]),
      listReleases: jest.fn(async () => ({ items: [active, rolledBack] })),
    });

    await renderReleases(api);

    const prod = await screen.findByTestId('environment-prod');
    expect(
      within(prod).getByText('Rollback of 1.5.0 (sha256:ab1200000000…)'),
    ).toBeInTheDocument();
    expect(within(prod).getByText(/^Deploying since/)).toHaveTextContent(
      'Deploying since just now',
    );
  });

  it('lists the history across environments, newest first', async () => {
    const releases = [
      release({
        id: 'old',
        environment: 'dev',
        status: 'superseded',
        artifact: { name: 'payments', version: '1.4.0', digest: OLD_DIGEST },
        actor: 'user:default/carol',
        reason: 'First deploy',
        createdAt: hoursAgo(72),
      }),
      release({
        id: 'new',
        environment: 'prod',
        status: 'failed',
        migrationStatus: 'failed',
        artifact: {
          name: 'payments',
          version: '1.5.0',
          digest: `sha256:${'ef'.repeat(32)}`,
        },
        reason: 'Hotfix',
        createdAt: hoursAgo(1),
      }),
      release({
        id: 'mid',
        environment: 'staging',
        createdAt: hoursAgo(5),
      }),
    ];
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ name: 'staging', order: 1 }),
        environmentState({ name: 'prod', order: 2 }),
      ]),
      listReleases: jest.fn(async () => ({ items: releases })),
    });

    await renderReleases(api);

    const history = await screen.findByTestId('release-history');
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(
      rows.map(
        row =>
          within(row).getAllByRole('cell')[1].querySelector('p')?.textContent,
      ),
    ).toEqual(['1.5.0', '1.4.2', '1.4.0']);

    const newest = within(rows[0]);
    expect(newest.getByText('prod')).toBeInTheDocument();
    expect(newest.getByText('sha256:efefefefefef…')).toBeInTheDocument();
    expect(newest.getByText('Failed')).toBeInTheDocument();
    expect(newest.getByText('Migrations failed')).toBeInTheDocument();
    expect(newest.getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    expect(newest.getByText('1 hour ago')).toBeInTheDocument();
    expect(newest.getByText('Hotfix')).toBeInTheDocument();

    const oldest = within(rows[2]);
    expect(oldest.getByText('dev')).toBeInTheDocument();
    expect(oldest.getByText('Superseded')).toBeInTheDocument();
    expect(oldest.getByRole('link', { name: 'carol' })).toBeInTheDocument();
    expect(oldest.getByText('First deploy')).toBeInTheDocument();
  });

  it('explains how to record releases when there are none', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
      ]),
    });

    await renderReleases(api);

    expect(await screen.findByText('No releases recorded')).toBeInTheDocument();
    expect(screen.getByText(/assurance release record/)).toBeInTheDocument();
    expect(screen.queryByTestId('release-history')).not.toBeInTheDocument();
    // The cards stay, so that a first artifact can be promoted.
    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(
      await within(dev).findByRole('button', { name: 'Promote to dev' }),
    ).toBeInTheDocument();
    expect(api.getDeploymentMeasures).toHaveBeenCalled();
    expect(
      screen.queryByText('Deployment frequency and change-failure rate'),
    ).not.toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => {
        throw new Error('The assurance backend is down');
      }),
    });

    await renderReleases(api);

    expect(
      await screen.findByText('Error: The assurance backend is down'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('release-history')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(() => new Promise<never>(() => {})),
    });

    await renderReleases(api);

    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
  });
});
