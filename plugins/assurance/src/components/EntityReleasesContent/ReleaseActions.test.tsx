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
  release,
  renderReleases,
} from '../../__testUtils__/releases';

// Every permission is granted in this file: see renderReleases.
jest.setTimeout(20_000);

const DEV_DIGEST = `sha256:${'ef'.repeat(32)}`;
const OLD_DIGEST = `sha256:ab12${'0'.repeat(60)}`;

/** dev runs 1.5.0; prod runs 1.4.2 and can go back to 1.4.1. */
function twoEnvironments(
  overrides: { pending?: ReturnType<typeof release>[] } = {},
) {
  const inDev = release({
    id: 'rel-dev',
    environment: 'dev',
    artifact: { name: 'payments', version: '1.5.0', digest: DEV_DIGEST },
  });
  return [
    environmentState({ name: 'dev', order: 0, activeRelease: inDev }),
    environmentState({
      activeRelease: release({ id: 'rel-prod' }),
      rollbackTarget: release({
        id: 'rel-old',
        artifact: { name: 'payments', version: '1.4.1', digest: OLD_DIGEST },
      }),
      pendingApprovals: overrides.pending ?? [],
    }),
  ];
}

function pendingPromotion(actor = 'user:default/alice') {
  return release({
    id: 'rel-pending',
    status: 'pending-approval',
    actor,
    reason: 'Ship the refund fix',
    artifact: { name: 'payments', version: '1.5.0', digest: DEV_DIGEST },
  });
}

async function openDialog(card: string, button: string | RegExp) {
  const region = await screen.findByRole('region', { name: card });
  await userEvent.click(within(region).getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

describe('Release actions', () => {
  it('promotes what runs in the previous environment and lists why it is refused', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => [release()]),
      promote: jest.fn(async () => ({
        decision: 'refused' as const,
        reasons: [
          'dev has not run sha256:efef… successfully',
          'Gate dependency-scan failed',
        ],
      })),
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment prod', 'Promote to prod');
    expect(within(dialog).getByLabelText('Artifact')).toHaveDisplayValue(
      /1\.5\.0 \(sha256:efefefefefef…\), running in dev/,
    );
    await fill(within(dialog).getByLabelText('Reason (optional)'), 'PAY-9');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(api.promote).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      environment: 'prod',
      digest: DEV_DIGEST,
      reason: 'PAY-9',
    });
    const reasons = await within(dialog).findByRole('list', {
      name: 'Why the promotion was refused',
    });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'dev has not run sha256:efef… successfully',
      'Gate dependency-scan failed',
    ]);
    expect(within(dialog).getByText('Promotion refused')).toBeInTheDocument();
    await waitFor(() => expect(api.listEnvironments).toHaveBeenCalledTimes(2));
  });

  it('says who must approve a promotion that waits for approval', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => [release()]),
      promote: jest.fn(async () => ({
        decision: 'pending-approval' as const,
        reasons: [
          'prod requires approval by another user with assurance.release.approve',
        ],
        release: pendingPromotion('user:default/bob'),
      })),
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment prod', 'Promote to prod');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(
      await within(dialog).findByText('Waiting for approval'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/once someone other than you who may approve/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'prod requires approval by another user with assurance.release.approve',
      ),
    ).toBeInTheDocument();
  });

  it('offers the artifacts or a typed digest where nothing runs before, and shows a 403', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => [release()]),
      listArtifacts: jest.fn(async () => [
        { digest: OLD_DIGEST, name: 'payments', version: '1.4.1' },
      ]) as any,
      promote: jest.fn(async () => {
        throw await forbidden('You may not promote to dev');
      }),
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment dev', 'Promote to dev');
    const promote = within(dialog).getByRole('button', { name: 'Promote' });
    expect(promote).toBeDisabled();
    const artifact = within(dialog).getByLabelText('Artifact');
    await within(dialog).findByRole('option', { name: /payments 1\.4\.1/ });
    await userEvent.selectOptions(artifact, 'Another digest…');
    await fill(within(dialog).getByLabelText(/^Digest/), 'latest');
    expect(promote).toBeDisabled();
    await fill(within(dialog).getByLabelText(/^Digest/), DEV_DIGEST);
    await userEvent.click(promote);

    expect(api.promote).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      environment: 'dev',
      digest: DEV_DIGEST,
    });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You may not promote to dev',
    );
  });

  it('hides Approve on the user’s own request, whatever the case of the ref', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion('User:Default/Alice')] }),
      ),
      listReleases: jest.fn(async () => [release()]),
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
      listReleases: jest.fn(async () => [release()]),
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
      'Deploy 1.5.0 (sha256:efefefefefef…) to prod, as user:default/alice asked',
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
      listReleases: jest.fn(async () => [release()]),
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
      listReleases: jest.fn(async () => [release()]),
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

  it('disables Roll back without a rollback target, and hides it with nothing deployed', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({ activeRelease: release() }),
      ]),
      listReleases: jest.fn(async () => [release()]),
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
