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

import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import { fill } from '../../__testUtils__/fill';
import {
  DEV_DIGEST,
  forbidden,
  OLD_DIGEST,
  openDialog,
  pendingPromotion,
  release,
  renderReleases,
  twoEnvironments,
} from '../../__testUtils__/releases';

// Every permission is granted in this file: see renderReleases.
jest.setTimeout(20_000);

describe('Promote', () => {
  it('promotes what runs in the previous environment and lists why it is refused', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
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

  it('offers no digest that already waits for approval there', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () =>
        twoEnvironments({ pending: [pendingPromotion('user:default/bob')] }),
      ),
      listReleases: jest.fn(async () => ({ items: [release()] })),
      listArtifacts: jest.fn(async () => [
        { digest: DEV_DIGEST, name: 'payments', version: '1.5.0' },
      ]) as any,
    });
    await renderReleases(api);

    const dialog = await openDialog('Environment prod', 'Promote to prod');
    const option = await within(dialog).findByRole('option', {
      name: /payments 1\.5\.0 .*, waits for approval here/,
    });
    expect(option).toBeDisabled();
    expect(within(dialog).getByLabelText('Artifact')).toHaveDisplayValue(
      'Choose an artifact',
    );
  });

  it('says who must approve a promotion that waits for approval', async () => {
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => twoEnvironments()),
      listReleases: jest.fn(async () => ({ items: [release()] })),
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
      listReleases: jest.fn(async () => ({ items: [release()] })),
      listArtifacts: jest.fn(async () => [
        { digest: OLD_DIGEST, name: 'payments', version: '1.4.1' },
        { digest: DEV_DIGEST, name: 'payments', version: '1.5.0' },
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
    // What dev already runs cannot be promoted there again.
    expect(
      within(dialog).getByRole('option', {
        name: /payments 1\.5\.0 .*, already runs here/,
      }),
    ).toBeDisabled();
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

    // The refusal was about that digest: choosing another clears it.
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Artifact'),
      within(dialog).getByRole('option', { name: /payments 1\.4\.1/ }),
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
