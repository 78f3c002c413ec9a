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
import { fill } from '../../__testUtils__/fill';
import { ResponseError } from '@backstage/errors';
import { mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  entityGates,
  gateOverride,
  renderGates,
} from '../../__testUtils__/gates';

const DIGEST = `sha256:${'e'.repeat(64)}`;

function overridesRow(id: string): HTMLElement {
  const row = screen
    .getByTestId('assurance-overrides')
    .querySelector<HTMLElement>(`[data-override-id="${id}"]`);
  if (!row) {
    throw new Error(`No row for override ${id}`);
  }
  return row;
}

async function forbidden(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

// The whole Gates tab renders in each test; slow machines need more than 5s.
jest.setTimeout(20_000);

describe('GateOverridesCard', () => {
  it('lists every override with its state and decision', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [
        gateOverride({ id: 'ov-1', digest: DIGEST }),
        gateOverride({
          id: 'ov-2',
          status: 'rejected',
          reason: 'We would rather not wait',
          decidedBy: 'user:default/carol',
          decidedAt: new Date().toISOString(),
          decisionComment: 'Fix it first',
        }),
      ]),
    });

    await renderGates(api);

    await screen.findByText('We would rather not wait');
    const pending = overridesRow('ov-1');
    expect(pending).toHaveAttribute('data-override-status', 'pending');
    expect(pending).toHaveTextContent('Dependency vulnerability scan');
    expect(pending).toHaveTextContent('sha256:eeeeeeeeeeee…');
    expect(pending).toHaveTextContent('alice');
    expect(pending).toHaveTextContent('in 7 days');
    expect(within(pending).getByText('Pending')).toBeInTheDocument();

    const rejected = overridesRow('ov-2');
    expect(rejected).toHaveAttribute('data-override-status', 'rejected');
    expect(rejected).toHaveTextContent('All artifacts');
    expect(within(rejected).getByText('Rejected')).toBeInTheDocument();
    expect(rejected).toHaveTextContent('carol');
    expect(rejected).toHaveTextContent('Fix it first');
    expect(
      within(rejected).queryByRole('button', { name: 'Approve override' }),
    ).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no overrides', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
    });

    await renderGates(api);

    expect(await screen.findByText('No overrides')).toBeInTheDocument();
  });

  it('offers no decision on your own request', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [
        gateOverride({ id: 'ov-own', requestedBy: 'user:default/alice' }),
        gateOverride({ id: 'ov-other', requestedBy: 'user:default/carol' }),
      ]),
    });

    await renderGates(api, { user: 'user:default/alice' });

    await waitFor(() =>
      expect(
        within(overridesRow('ov-other')).getByRole('button', {
          name: 'Approve override',
        }),
      ).toBeInTheDocument(),
    );
    expect(
      within(overridesRow('ov-other')).getByRole('button', {
        name: 'Reject override',
      }),
    ).toBeInTheDocument();
    expect(
      within(overridesRow('ov-own')).queryByRole('button', {
        name: 'Approve override',
      }),
    ).not.toBeInTheDocument();
    expect(
      within(overridesRow('ov-own')).queryByRole('button', {
        name: 'Reject override',
      }),
    ).not.toBeInTheDocument();
  });

  it('approves, then reloads the gates and overrides', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [gateOverride({})]),
      approveOverride: jest.fn(async () =>
        gateOverride({ status: 'approved' }),
      ),
    });

    await renderGates(api, { user: 'user:default/bob' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve override' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Dependency vulnerability scan, requested by user:default/alice',
    );
    const gateCalls = api.getGates.mock.calls.length;
    const overrideCalls = api.listOverrides.mock.calls.length;
    await userEvent.click(
      within(dialog).getByTestId('assurance-approve-override-submit'),
    );

    expect(api.approveOverride).toHaveBeenCalledWith({ id: 'ov-1' });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getGates.mock.calls.length).toBeGreaterThan(gateCalls);
    expect(api.listOverrides.mock.calls.length).toBeGreaterThan(overrideCalls);
  });

  it('rejects only with a comment', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [gateOverride({})]),
      rejectOverride: jest.fn(async () => gateOverride({ status: 'rejected' })),
    });

    await renderGates(api, { user: 'user:default/bob' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject override' }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByTestId(
      'assurance-reject-override-submit',
    );
    expect(submit).toBeDisabled();
    await fill(within(dialog).getByLabelText(/Why it is rejected/), '   ');
    expect(submit).toBeDisabled();
    await fill(
      within(dialog).getByLabelText(/Why it is rejected/),
      'Fix it first',
    );
    await userEvent.click(submit);

    expect(api.rejectOverride).toHaveBeenCalledWith({
      id: 'ov-1',
      comment: 'Fix it first',
    });
  });

  it("shows the server's message when it refuses an approval", async () => {
    const errorApi = { post: jest.fn() };
    const refusal = await forbidden(
      'You cannot approve your own override request',
    );
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [gateOverride({})]),
      approveOverride: jest.fn(async () => {
        throw refusal;
      }),
    });

    await renderGates(api, { user: 'user:default/bob', errorApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve override' }),
    );
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText(/Comment/), 'Looks fine');
    await userEvent.click(
      within(dialog).getByTestId('assurance-approve-override-submit'),
    );

    expect(api.approveOverride).toHaveBeenCalledWith({
      id: 'ov-1',
      comment: 'Looks fine',
    });
    await waitFor(() => expect(errorApi.post).toHaveBeenCalledTimes(1));
    expect(errorApi.post.mock.calls[0][0]).toMatchObject({
      name: 'NotAllowedError',
      message: 'You cannot approve your own override request',
    });
  });
});
