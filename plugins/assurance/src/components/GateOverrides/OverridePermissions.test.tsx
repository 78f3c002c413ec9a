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

import { act, screen, waitFor } from '@testing-library/react';
import { mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  entityGates,
  gateOverride,
  renderGates,
} from '../../__testUtils__/gates';

// One permission setup per file: see renderGates.
const ALLOW: string[] = [];

// The whole Gates tab renders in each test; slow machines need more than 5s.
jest.setTimeout(20_000);

describe('Override actions without permission', () => {
  it('shows overrides, but no request, approve or reject buttons', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      listOverrides: jest.fn(async () => [gateOverride({})]),
    });

    const { authorize } = await renderGates(api, {
      allow: ALLOW,
      user: 'user:default/bob',
    });

    expect(
      await screen.findByText('The fix ships with the next release'),
    ).toBeInTheDocument();
    await screen.findByTestId('assurance-gates');
    await waitFor(() => expect(authorize).toHaveBeenCalledTimes(2));
    await act(async () => {});
    expect(
      screen.queryByRole('button', { name: /Request override/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve override' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reject override' }),
    ).not.toBeInTheDocument();
  });
});
