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
import { fill } from '../../__testUtils__/fill';
import {
  environmentState,
  forbidden,
  openDialog,
  pendingPromotion,
  release,
  renderReleases,
  twoEnvironments,
} from '../../__testUtils__/releases';

// Every permission is granted in this file: see renderReleases.
jest.setTimeout(20_000);

describe('Approve and roll back', () => {
  it('hides Approve on the user’s own request, whatever the case of the ref', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion('User:Default/Alice')] }),
      ),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api, { user: 'user:default/alice' });

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(within(prod).getByText('1 pending approval')).toBeInTheDocument();
    expect(
      within(prod).queryByRole('button', { name: /Approve/ }),
    ).not.toBeInTheDocument();
  });

  it('approves someone else’s promotion after naming it, then shows the new version', async () => {
    const pending = pendingPromotion();
    const api = mockAssuranceApi({
      listEnvironments: jest
        .fn()
        .mockResolvedValueOnce(twoEnvironments({ pending: [pending] }))
        .mockResolvedValue([
          twoEnvironments()[0],
          environmentState({
            activeRelease: { ...pending, status: 'succeeded' },
          }),
        ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      approveRelease: jest.fn(async () => ({
        ...pending,
        status: 'deploying' as const,
      })),
    });
    await renderReleases(api);

    const dialog = await openDialog(
      'Environment prod',
      'Approve promotion of 1.5.0 to prod',
    );
    expect(dialog).toHaveTextContent(
      'Deploy 1.5.0 (sha256:efefefefefef…) to prod, as alice asked',
    );
    expect(dialog).toHaveTextContent('Why: Ship the refund fix');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(api.approveRelease).toHaveBeenCalledWith({ id: 'rel-pending' });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const prod = screen.getByRole('region', { name: 'Environment prod' });
    await waitFor(() =>
      expect(within(prod).getByText('1.5.0')).toBeInTheDocument(),
    );
    expect(within(prod).getByText('0 pending approvals')).toBeInTheDocument();
  });

  it('shows the server’s refusal of an approval', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion()] }),
      ),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      approveRelease: jest.fn(async () => {
        throw await forbidden('You cannot approve your own promotion');
      }),
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment prod', /Approve promotion/);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot approve your own promotion',
    );
  });

  it('rolls back only with a reason, naming the target', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      rollback: jest.fn(async () => ({
        release: release({ id: 'rel-back' }),
        rolledBack: release({ id: 'rel-prod' }),
      })),
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment prod', 'Roll back prod');
    expect(dialog).toHaveTextContent(
      'Rolling back deploys 1.4.1 (sha256:ab1200000000…) again',
    );
    const submit = within(dialog).getByRole('button', { name: 'Roll back' });
    expect(submit).toBeDisabled();
    await fill(within(dialog).getByLabelText(/^Reason/), '  Refunds fail  ');
    await userEvent.click(submit);

    expect(api.rollback).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      environment: 'prod',
      reason: 'Refunds fail',
    });
    await waitFor(() => expect(api.listEnvironments).toHaveBeenCalledTimes(2));
  });

  it('says a release still runs when its rollback failed, and that one deploys', async () => {
    const [dev, prod] = twoEnvironments();
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        {
          ...dev,
          activeRelease: release({
            ...dev.activeRelease!,
            status: 'deploying',
          }),
          rollbackTarget: prod.rollbackTarget,
        },
        { ...prod, activeRelease: release({ status: 'rolled-back' }) },
      ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api);

    const card = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(card).toHaveTextContent(
      'Its rollback failed, so it still runs here',
    );
    const dialog = await openDialog('Environment dev', 'Roll back dev');
    expect(dialog).toHaveTextContent('dev is deploying 1.5.0');
  });

  it('disables Roll back without a rollback target, and hides it with nothing deployed', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ activeRelease: release() }),
      ]),
      listReleases: jest.fn(async () => ({ items: [release()] })),
    });
    await renderReleases(api);

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    expect(
      within(prod).getByRole('button', { name: 'Roll back prod' }),
    ).toBeDisabled();
    expect(within(prod).getByText('No rollback target')).toBeInTheDocument();
    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(
      within(dev).queryByRole('button', { name: /Roll back/ }),
    ).not.toBeInTheDocument();
    expect(
      within(dev).getByRole('button', { name: 'Promote to dev' }),
    ).toBeInTheDocument();
  });
});
