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

import { act, screen, waitFor, within } from '@testing-library/react';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  environmentState,
  release,
  renderReleases,
} from '../../__testUtils__/releases';

// One permission setup per file: see renderReleases.
const ALLOW: string[] = [];

jest.setTimeout(20_000);

describe('Release actions without permission', () => {
  it('shows the environments, but no promote, approve, reject, withdraw, roll back or mark buttons', async () => {
    const pending = release({
      id: 'rel-pending',
      status: 'pending-approval',
      actor: 'user:default/alice',
      artifact: {
        name: 'payments',
        version: '1.5.0',
        digest: `sha256:${'ef'.repeat(32)}`,
      },
    });
    const api = mockAssuranceApi({
      listEnvironments: jest.fn(async () => [
        environmentState({ name: 'dev', order: 0 }),
        environmentState({
          activeRelease: release({ status: 'deploying' }),
          rollbackTarget: release({ id: 'rel-0' }),
          pendingApprovals: [
            pending,
            { ...pending, id: 'rel-own', actor: 'user:default/bob' },
          ],
        }),
      ]),
      listReleases: jest.fn(async () => ({ items: [release(), pending] })),
    });

    const { authorize } = await renderReleases(api, {
      allow: ALLOW,
      user: 'user:default/bob',
    });

    const prod = await screen.findByRole('region', {
      name: 'Environment prod',
    });
    await waitFor(() => expect(authorize).toHaveBeenCalledTimes(4));
    expect(
      authorize.mock.calls.map(([request]) => [
        request.permission.name,
        request.resourceRef,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['assurance.release.promote', ENTITY_REF],
        ['assurance.release.approve', ENTITY_REF],
        ['assurance.release.rollback', ENTITY_REF],
        ['assurance.release.record', ENTITY_REF],
      ]),
    );
    await act(async () => {});
    expect(within(prod).getByText('2 pending approvals')).toBeInTheDocument();
    // Neither Reject (others' requests) nor Withdraw (bob's own).
    expect(
      screen.queryByRole('button', { name: /Reject|Withdraw/ }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: /Promote/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Roll back/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Mark / })).toBeNull();
    expect(
      within(prod).getByText(
        'The pipeline deploys this digest and reports the outcome.',
      ),
    ).toBeInTheDocument();
  });
});
