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
import { ResponseError } from '@backstage/errors';
import type { Release } from '@real-app-forever/plugin-assurance-common';
import { mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  environmentState,
  forbidden,
  openDialog,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

// Every permission is granted in this file: see renderReleases.
jest.setTimeout(20_000);

/** 2.7.0 deploying in prod since a promotion by alice; 2.6.0 ran before. */
function deploying(overrides: Partial<Release> = {}) {
  return release({
    id: 'rel-270',
    status: 'deploying',
    migrationStatus: 'pending',
    artifact: {
      name: 'payments',
      version: '2.7.0',
      digest: `sha256:${'27'.repeat(32)}`,
    },
    ...overrides,
  });
}

function prodRunning(active: Release) {
  return [
    environmentState({
      activeRelease: active,
      rollbackTarget: release({
        id: 'rel-260',
        artifact: {
          name: 'payments',
          version: '2.6.0',
          digest: `sha256:${'26'.repeat(32)}`,
        },
      }),
    }),
  ];
}

async function conflict(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ConflictError', message },
        response: { statusCode: 409 },
      }),
      {
        status: 409,
        statusText: 'Conflict',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

describe('A deploying release', () => {
  it('says since when and who started it, and who finishes it', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => prodRunning(deploying())),
      listReleases: jest.fn(async () => ({ items: [deploying()] })),
    });
    await renderReleases(api);

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(within(prod).getByText('2.7.0')).toBeInTheDocument();
    expect(within(prod).getByText(/^Deploying since/)).toHaveTextContent(
      'Deploying since 2 hours ago, started by alice',
    );
    expect(within(prod).queryByText(/Deployed by/)).not.toBeInTheDocument();
    expect(
      within(prod).getByText(
        'The pipeline deploys this digest and reports the outcome; if it does not, mark it here.',
      ),
    ).toBeInTheDocument();
    expect(
      within(prod).getByText('Rollback target: 2.6.0 (sha256:262626262626…)'),
    ).toBeInTheDocument();
  });

  it('names requester and approver of an approved release', async () => {
    const approved = deploying({ approvedBy: 'user:default/bob' });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({
          name: 'staging',
          order: 1,
          activeRelease: approved,
        }),
        environmentState({
          activeRelease: release({
            approvedBy: 'user:default/bob',
            actor: 'ci',
          }),
        }),
      ]),
      listReleases: jest.fn(async () => ({ items: [approved] })),
    });
    await renderReleases(api);

    const staging = await screen.findByRole('region', {
      name: 'Environment staging',
    });
    expect(within(staging).getByText(/^Deploying since/)).toHaveTextContent(
      'Deploying since 2 hours ago, requested by alice · approved by bob',
    );
    const prod = screen.getByRole('region', { name: 'Environment prod' });
    const requested = within(prod).getByText(/^Requested by/);
    expect(requested).toHaveTextContent(
      'Requested by ci · approved by bob 2 hours ago',
    );
    // "ci" is no user entity: shown as is, not linked.
    expect(within(requested).getAllByRole('link')).toHaveLength(1);
    expect(
      within(requested).getByRole('link', { name: 'bob' }),
    ).toHaveAttribute('href', '/catalog/default/user/bob');
    expect(within(prod).queryByText(/^Deploying/)).not.toBeInTheDocument();
  });

  it('is marked succeeded, then the tab shows the new state', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest
        .fn()
        .mockResolvedValueOnce(prodRunning(deploying()))
        .mockResolvedValue(prodRunning(deploying({ status: 'succeeded' }))),
      listReleases: jest.fn(async () => ({ items: [deploying()] })),
      updateRelease: jest.fn(async () => deploying({ status: 'succeeded' })),
    });
    await renderReleases(api);

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    await userEvent.click(
      await within(prod).findByRole('button', {
        name: 'Mark succeeded: 2.7.0 in prod',
      }),
    );

    expect(api.updateRelease).toHaveBeenCalledWith({
      id: 'rel-270',
      status: 'succeeded',
    });
    await waitFor(() =>
      expect(within(prod).getByText('Succeeded')).toBeInTheDocument(),
    );
    expect(api.listReleases).toHaveBeenCalledTimes(2);
    expect(
      within(prod).queryByRole('button', { name: /^Mark / }),
    ).not.toBeInTheDocument();
    expect(within(prod).getByText(/^Deployed by/)).toBeInTheDocument();
  });

  it('shows the server’s refusal to mark it succeeded', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => prodRunning(deploying())),
      listReleases: jest.fn(async () => ({ items: [deploying()] })),
      updateRelease: jest.fn(async () => {
        throw await forbidden('You may not record releases of payments');
      }),
    });
    await renderReleases(api);

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    await userEvent.click(
      await within(prod).findByRole('button', {
        name: 'Mark succeeded: 2.7.0 in prod',
      }),
    );

    expect(await within(prod).findByRole('alert')).toHaveTextContent(
      'You may not record releases of payments',
    );
    expect(within(prod).getByText('Deploying')).toBeInTheDocument();
  });

  it('is marked failed only after confirming', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => prodRunning(deploying())),
      listReleases: jest.fn(async () => ({ items: [deploying()] })),
      updateRelease: jest.fn(async () => deploying({ status: 'failed' })),
    });
    await renderReleases(api);

    let dialog = await openDialog(
      'Environment prod',
      'Mark failed: 2.7.0 in prod',
    );
    expect(
      within(dialog).getByRole('heading', {
        name: 'Mark 2.7.0 in prod failed',
      }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'prod goes back to the release that ran there before it',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.updateRelease).not.toHaveBeenCalled();

    dialog = await openDialog('Environment prod', 'Mark failed: 2.7.0 in prod');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark failed' }),
    );

    expect(api.updateRelease).toHaveBeenCalledWith({
      id: 'rel-270',
      status: 'failed',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(api.listEnvironments).toHaveBeenCalledTimes(2));
  });

  it('shows the server’s refusal to mark it failed', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => prodRunning(deploying())),
      listReleases: jest.fn(async () => ({ items: [deploying()] })),
      updateRelease: jest.fn(async () => {
        throw await conflict(
          'Release rel-270 is succeeded; only a deploying release changes status',
        );
      }),
    });
    await renderReleases(api);

    const dialog = await openDialog(
      'Environment prod',
      'Mark failed: 2.7.0 in prod',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark failed' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'only a deploying release changes status',
    );
  });

  it('offers no marks once the release has ended', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => prodRunning(release())),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api);

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(
      await within(prod).findByRole('button', { name: 'Roll back prod' }),
    ).toBeInTheDocument();
    expect(
      within(prod).queryByRole('button', { name: /^Mark / }),
    ).not.toBeInTheDocument();
  });
});
