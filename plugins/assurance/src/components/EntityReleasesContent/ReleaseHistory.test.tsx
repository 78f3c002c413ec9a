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

import type { ReleasePage } from '@real-app-forever/plugin-assurance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  environmentState,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

jest.setTimeout(20_000);

const EVIDENCE_ID = '0b5c9e2a-3f41-4e8d-9a77-2f1e4c6d8b90';

function environments() {
  return [
    environmentState({ name: 'dev', order: 0 }),
    environmentState({ name: 'prod', order: 1 }),
  ];
}

function lastFilter(api: ReturnType<typeof mockAssuranceApi>) {
  const calls = api.listReleases.mock.calls;
  return calls[calls.length - 1][0].filter;
}

function search(): URLSearchParams {
  return new URLSearchParams(
    screen.getByTestId('location-search').textContent ?? '',
  );
}

describe('Release history', () => {
  it('reads its filters from the URL and passes them to the backend', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });

    await renderReleases(api, {
      route: '/?environment=prod&status=failed,rolled-back,bogus&since=30d',
    });

    await screen.findByTestId('release-history');
    const filter = lastFilter(api);
    expect(filter).toEqual({
      environment: 'prod',
      status: ['failed', 'rolled-back'],
      since: expect.any(String),
    });
    const days = DateTime.now().diff(DateTime.fromISO(filter!.since!), 'days');
    expect(Math.round(days.days)).toBe(30);
    expect(
      screen.getByLabelText('Environment', {
        selector: 'select#release-filter-environment',
      }),
    ).toHaveValue('prod');
  });

  it('ignores a since that is no age it offers, even an object key', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });

    await renderReleases(api, { route: '/?since=constructor' });

    await screen.findByTestId('release-history');
    expect(api.listReleases).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      limit: 100,
    });
  });

  it('writes filter changes to the URL and asks again', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api);
    await screen.findByTestId('release-history');
    expect(api.listReleases).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      limit: 100,
    });

    await userEvent.selectOptions(
      document.querySelector('#release-filter-environment')!,
      'dev',
    );
    await waitFor(() => expect(search().get('environment')).toBe('dev'));
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({ environment: 'dev' }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Status Any status' }),
    );
    const listbox = await screen.findByRole('listbox');
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'Failed' }),
    );
    await userEvent.click(
      within(listbox).getByRole('option', { name: 'Rolled back' }),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(search().get('status')).toBe('failed,rolled-back'),
    );
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        environment: 'dev',
        status: ['failed', 'rolled-back'],
      }),
    );

    await userEvent.selectOptions(
      document.querySelector('#release-filter-since')!,
      'Last 7 days',
    );
    await waitFor(() => expect(search().get('since')).toBe('7d'));
    await waitFor(() => expect(lastFilter(api)?.since).toBeDefined());

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(search().toString()).toBe(''));
    await waitFor(() =>
      expect(api.listReleases).toHaveBeenLastCalledWith({
        entityRef: ENTITY_REF,
        limit: 100,
      }),
    );
  });

  it('shows approvals, rollbacks, work items, evidence links and who acted', async () => {
    const rolledBack = release({
      id: 'rel-bad',
      status: 'rolled-back',
      artifact: {
        name: 'payments',
        version: '1.5.0',
        digest: `sha256:${'ef'.repeat(32)}`,
      },
      approvedBy: 'user:default/bob',
    });
    const rollback = release({
      id: 'rel-back',
      rollbackOf: 'rel-bad',
      actor: 'plugin:assurance',
      workItem: 'INC-12',
      reason: 'Refunds fail',
      evidenceIds: [EVIDENCE_ID, 'ev-2', 'ev-3', 'ev-4'],
    });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [rollback, rolledBack] })),
    });
    await renderReleases(api);

    const history = await screen.findByTestId('release-history');
    const [newest, older] = within(history).getAllByRole('row').slice(1);
    expect(
      within(newest).getByText('Rollback of 1.5.0 in prod'),
    ).toBeInTheDocument();
    expect(within(newest).getByText('INC-12')).toBeInTheDocument();
    expect(within(newest).getByText('Refunds fail')).toBeInTheDocument();
    expect(
      within(newest).getByRole('link', { name: '0b5c9e2a' }),
    ).toHaveAttribute('href', `/evidence?id=${EVIDENCE_ID}`);
    // A service principal is no user entity: its name, not a link.
    expect(within(newest).getByText(/^by plugin:assurance$/)).toBeVisible();
    expect(within(newest).getAllByRole('link')).toHaveLength(3);
    expect(within(newest).getByText('and 1 more')).toHaveAttribute(
      'title',
      'ev-4',
    );
    expect(within(older).getByText(/^requested by/)).toHaveTextContent(
      'requested by alice',
    );
    expect(within(older).getByText(/^approved by/)).toHaveTextContent(
      'approved by bob',
    );
    expect(within(older).getByRole('link', { name: 'bob' })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
    expect(within(older).getByText('None')).toBeInTheDocument();
  });

  it('says which requests lapsed without an approval', async () => {
    const lapsed = release({
      id: 'rel-lapsed',
      status: 'expired',
      approvalExpiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const waiting = release({
      id: 'rel-waiting',
      status: 'pending-approval',
      approvalExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [waiting, lapsed] })),
    });
    await renderReleases(api);

    const history = await screen.findByTestId('release-history');
    const [first, second] = within(history).getAllByRole('row').slice(1);
    expect(within(first).queryByText(/Approval lapsed/)).toBeNull();
    expect(within(second).getByText(/Approval lapsed/)).toBeInTheDocument();
    expect(within(second).getByText('Expired')).toBeInTheDocument();
    expect(within(second).getByText(/^asked by/)).toBeInTheDocument();
    // A request that never deployed has no migrations to speak of.
    expect(within(second).queryByText('No migrations')).toBeNull();
  });

  it('says when no release matches the filters, and keeps them', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: [] })),
    });
    await renderReleases(api, { route: '/?status=failed' });

    expect(
      await screen.findByText('No releases match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No releases recorded')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Clear filters' }),
    ).toBeInTheDocument();
  });

  it('loads older releases a page at a time, with the same filter', async () => {
    const newer = release({ id: 'rel-new', reason: 'Newest' });
    const older = release({ id: 'rel-old', reason: 'Oldest' });
    const listReleases = jest.fn(
      async (options: { cursor?: string }): Promise<ReleasePage> =>
        options.cursor === 'c1'
          ? { items: [older] }
          : { items: [newer], nextCursor: 'c1' },
    );
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases,
    });
    await renderReleases(api, { route: '/?environment=prod' });

    const history = await screen.findByTestId('release-history');
    expect(within(history).getByText('Newest')).toBeInTheDocument();
    expect(screen.getByText(/The newest 1 are shown/)).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Load older releases' }),
    );

    expect(await within(history).findByText('Oldest')).toBeInTheDocument();
    expect(within(history).getByText('Newest')).toBeInTheDocument();
    expect(listReleases).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      limit: 100,
      filter: { environment: 'prod' },
      cursor: 'c1',
    });
    expect(
      screen.queryByRole('button', { name: 'Load older releases' }),
    ).not.toBeInTheDocument();
  });

  it('counts only the loaded releases in its pager while older ones wait', async () => {
    const page = Array.from({ length: 25 }, (_, i) =>
      release({ id: `rel-${i}`, reason: `Release ${i}` }),
    );
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(async () => ({ items: page, nextCursor: 'c1' })),
    });
    await renderReleases(api);

    expect(
      await screen.findAllByText('1-20 of the newest 25'),
    ).not.toHaveLength(0);
  });

  it('opens on the first older release once they are loaded', async () => {
    const newer = Array.from({ length: 25 }, (_, i) =>
      release({
        id: `rel-${i}`,
        reason: `Newer ${i}`,
        createdAt: '2026-06-01T00:00:00.000Z',
      }),
    );
    const older = Array.from({ length: 5 }, (_, i) =>
      release({
        id: `rel-old-${i}`,
        reason: `Older ${i}`,
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => environments()),
      listReleases: jest.fn(
        async (options: { cursor?: string }): Promise<ReleasePage> =>
          options.cursor ? { items: older } : { items: newer, nextCursor: 'c' },
      ),
    });
    await renderReleases(api);
    await screen.findAllByText('1-20 of the newest 25');

    await userEvent.click(
      screen.getByRole('button', { name: 'Load older releases' }),
    );

    const history = screen.getByTestId('release-history');
    expect(await within(history).findByText('Older 0')).toBeInTheDocument();
    expect(within(history).queryByText('Newer 0')).toBeNull();
    expect(screen.getAllByText('21-30 of 30')).not.toHaveLength(0);
  });
});
