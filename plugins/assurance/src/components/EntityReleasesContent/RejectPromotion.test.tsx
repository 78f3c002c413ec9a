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
import { mockAssuranceApi } from '../../__testUtils__/evidence';
import { fill } from '../../__testUtils__/fill';
import {
  openDialog,
  pendingPromotion,
  release,
  renderReleases,
  twoEnvironments,
} from '../../__testUtils__/releases';

jest.setTimeout(20_000);

describe('Reject and withdraw', () => {
  it('lets an approver reject someone’s request with a reason', async () => {
    const pending = pendingPromotion();
    const api = mockAssuranceApi({
      listEnvironments: jest
        .fn()
        .mockResolvedValueOnce(twoEnvironments({ pending: [pending] }))
        .mockResolvedValue(twoEnvironments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      rejectRelease: jest.fn(async () => ({
        ...pending,
        rejectedBy: 'user:default/bob',
      })),
    });
    await renderReleases(api);

    const dialog = await openDialog(
      'Environment prod',
      'Reject promotion of 1.5.0 to prod',
    );
    expect(
      within(dialog).getByRole('heading', {
        name: 'Reject promotion of 1.5.0 to prod',
      }),
    ).toBeInTheDocument();
    const submit = within(dialog).getByRole('button', { name: 'Reject' });
    expect(submit).toBeDisabled();
    await fill(
      within(dialog).getByLabelText(/^Reason/),
      ' Staging rolled back ',
    );
    await userEvent.click(submit);

    expect(api.rejectRelease).toHaveBeenCalledWith({
      id: 'rel-pending',
      reason: 'Staging rolled back',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const prod = screen.getByRole('region', { name: 'Environment prod' });
    await waitFor(() =>
      expect(within(prod).getByText('0 pending approvals')).toBeInTheDocument(),
    );
  });

  it('offers the requester Withdraw instead of Approve', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion('user:default/alice')] }),
      ),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api, { user: 'user:default/alice' });
    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(
      await within(prod).findByRole('button', {
        name: 'Withdraw promotion of 1.5.0 to prod',
      }),
    ).toHaveTextContent('Withdraw');
    expect(
      within(prod).queryByRole('button', { name: /Approve|Reject/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the server’s refusal in the dialog', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion()] }),
      ),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      rejectRelease: jest.fn(async () => {
        throw new Error(
          'Release rel-pending no longer waits for approval: it is rejected',
        );
      }),
    });
    await renderReleases(api);
    const dialog = await openDialog(
      'Environment prod',
      'Reject promotion of 1.5.0 to prod',
    );
    await fill(within(dialog).getByLabelText(/^Reason/), 'No');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'no longer waits for approval',
    );
  });

  it('says in the history who rejected or withdrew a request, and why', async () => {
    const rejected = pendingPromotion();
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => ({
        items: [
          {
            ...rejected,
            status: 'rejected' as const,
            rejectedBy: 'user:default/bob',
            rejectionReason: 'Staging rolled back',
          },
          {
            ...rejected,
            id: 'rel-withdrawn',
            status: 'withdrawn' as const,
            rejectedBy: 'user:default/alice',
            rejectionReason: 'Wrong build',
          },
        ],
      })),
    });
    await renderReleases(api);

    const history = await screen.findByTestId('release-history');
    expect(history).toHaveTextContent('Rejected by bob: Staging rolled back');
    expect(history).toHaveTextContent('Withdrawn by alice: Wrong build');
    expect(history).not.toHaveTextContent('Approval lapsed');
  });
});
