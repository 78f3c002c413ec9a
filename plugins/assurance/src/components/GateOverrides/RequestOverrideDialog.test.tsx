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
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  effectivePolicy,
  entityGates,
  gateOverride,
  renderGates,
} from '../../__testUtils__/gates';

const DIGEST = `sha256:${'d'.repeat(64)}`;

// The whole Gates tab renders in each test; slow machines need more than 5s.
jest.setTimeout(20_000);

describe('Requesting an override', () => {
  it('offers a request for gates that did not pass and posts it', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      getPolicy: jest.fn(async () => effectivePolicy({ maxOverrideDays: 14 })),
      requestOverride: jest.fn(async () => gateOverride({})),
    });

    await renderGates(api, {
      route: `/catalog/default/component/payments/gates?digest=${DIGEST}`,
    });

    const request = await screen.findByRole('button', {
      name: 'Request override for Dependency vulnerability scan',
    });
    expect(
      screen.queryByRole('button', { name: 'Request override for Unit tests' }),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(api.getPolicy).toHaveBeenCalled());

    await userEvent.click(request);
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByTestId(
      'assurance-request-override-submit',
    );
    expect(within(dialog).getByLabelText(/Expires in/)).toHaveValue(7);
    expect(
      within(dialog).getByLabelText(
        'Only this artifact (sha256:dddddddddddd…)',
      ),
    ).toBeChecked();

    await fill(within(dialog).getByLabelText(/Reason/), 'Too short');
    expect(submit).toBeDisabled();
    await fill(within(dialog).getByLabelText(/Reason/), 'Too short to ship');
    await fill(within(dialog).getByLabelText(/Expires in/), '15');
    expect(submit).toBeDisabled();
    expect(within(dialog).getByText('1 to 14 days')).toBeInTheDocument();
    await fill(within(dialog).getByLabelText(/Expires in/), '14');
    expect(submit).toBeEnabled();

    const gateCalls = api.getGates.mock.calls.length;
    const overrideCalls = api.listOverrides.mock.calls.length;
    await userEvent.click(submit);

    expect(api.requestOverride).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      gateId: 'dependency-scan',
      reason: 'Too short to ship',
      expiresInDays: 14,
      digest: DIGEST,
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getGates.mock.calls.length).toBeGreaterThan(gateCalls);
    expect(api.listOverrides.mock.calls.length).toBeGreaterThan(overrideCalls);
  });

  it('requests for every artifact when "only this artifact" is cleared', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      requestOverride: jest.fn(async () => gateOverride({})),
    });

    await renderGates(api, {
      route: `/catalog/default/component/payments/gates?digest=${DIGEST}`,
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Request override for Dependency vulnerability scan',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/Only this artifact/));
    await fill(
      within(dialog).getByLabelText(/Reason/),
      'Accepted risk until Q3',
    );
    await userEvent.click(
      within(dialog).getByTestId('assurance-request-override-submit'),
    );

    expect(api.requestOverride).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      gateId: 'dependency-scan',
      reason: 'Accepted risk until Q3',
      expiresInDays: 7,
    });
  });

  it('posts a refusal to the ErrorApi and keeps the dialog open', async () => {
    const errorApi = { post: jest.fn() };
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      requestOverride: jest.fn(async () => {
        throw new Error('Overrides of this gate are not allowed');
      }),
    });

    await renderGates(api, { errorApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Request override for Dependency vulnerability scan',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await fill(
      within(dialog).getByLabelText(/Reason/),
      'Accepted risk until Q3',
    );
    await userEvent.click(
      within(dialog).getByTestId('assurance-request-override-submit'),
    );

    await waitFor(() =>
      expect(errorApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'Overrides of this gate are not allowed',
        }),
      ),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
