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
import type {
  Artifact,
  EntityGates,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { ENTITY_REF, mockAssuranceApi } from '../../__testUtils__/evidence';
import {
  entityGates,
  gateResult,
  renderGates,
} from '../../__testUtils__/gates';

const DIGEST = `sha256:${'d'.repeat(64)}`;

const artifact: Artifact = {
  entityRef: ENTITY_REF,
  digest: DIGEST,
  name: 'payments',
  version: '1.2.3',
  evidenceCount: 4,
  firstSeenAt: '2026-01-01T00:00:00Z',
  lastSeenAt: '2026-01-02T00:00:00Z',
};

function urlSearch() {
  return screen.getByTestId('location-search');
}

// The whole Gates tab renders in each test; slow machines need more than 5s.
jest.setTimeout(20_000);

describe('EntityGatesContent', () => {
  it('shows progress, then one row per gate in policy order', async () => {
    let resolve: (gates: EntityGates) => void = () => {};
    const api = mockAssuranceApi({
      getGates: jest.fn(
        () =>
          new Promise<EntityGates>(r => {
            resolve = r;
          }),
      ),
    });

    await renderGates(api);

    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
    expect(api.getGates).toHaveBeenCalledWith({ entityRef: ENTITY_REF });

    resolve({
      entityRef: ENTITY_REF,
      riskLevel: 'high',
      policyVersion: `sha256:${'ab12cd34'.repeat(8)}`,
      gates: [
        gateResult({
          id: 'unit-tests',
          title: 'Unit tests',
          status: 'failed',
          reason: '3 of 120 tests failed',
          remediation: 'Fix the failing tests and upload a new report',
          evidenceIds: ['ev-123456789'],
        }),
        gateResult({
          id: 'static-analysis',
          title: 'Static analysis',
          reason: 'No results of level error',
          remediation: 'Never shown for a passed gate',
          evidenceIds: ['ev-2'],
        }),
        gateResult({
          id: 'dependency-scan',
          title: 'Dependency scan',
          status: 'missing',
          reason: 'No vulnerability scan was uploaded',
          remediation: 'Upload npm audit --json output',
        }),
        gateResult({
          id: 'sbom',
          title: 'SBOM',
          status: 'unknown',
          reason: 'The SBOM has no components',
          remediation: 'Generate the SBOM from the build',
        }),
      ],
    });

    const gates = await screen.findByTestId('assurance-gates');
    expect(within(gates).getByText('Risk level: high')).toBeInTheDocument();
    expect(within(gates).getByText('Policy ab12cd34')).toBeInTheDocument();
    expect(within(gates).getByText('1 of 4 gates passed')).toBeInTheDocument();

    expect(within(gates).getByText('Failed')).toBeInTheDocument();
    expect(
      within(gates).getByText('3 of 120 tests failed'),
    ).toBeInTheDocument();
    expect(within(gates).getByText('Passed')).toBeInTheDocument();
    expect(
      within(gates).queryByText('Never shown for a passed gate'),
    ).not.toBeInTheDocument();
    expect(within(gates).getByText('Missing')).toBeInTheDocument();
    expect(within(gates).getByText('Unknown')).toBeInTheDocument();
    expect(gates.querySelector('[data-gate-id="unit-tests"]')).toHaveAttribute(
      'data-gate-status',
      'failed',
    );

    const titles = within(gates)
      .getAllByRole('row')
      .slice(1)
      .map(row => row.textContent);
    expect(titles[0]).toContain('Unit tests');
    expect(titles[3]).toContain('SBOM');

    expect(screen.getByRole('link', { name: 'ev-12345' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/evidence?id=ev-123456789',
    );
    expect(within(gates).getAllByText('3 days ago')).toHaveLength(4);
  });

  it('shows the error when the gates cannot be loaded', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => {
        throw new Error('The assurance backend is down');
      }),
    });

    await renderGates(api);

    expect(
      await screen.findAllByText(/The assurance backend is down/),
    ).not.toHaveLength(0);
    expect(screen.queryByTestId('assurance-gates')).not.toBeInTheDocument();
  });

  it('shows an empty state when no gates apply', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => ({
        entityRef: ENTITY_REF,
        riskLevel: 'low' as const,
        gates: [],
      })),
    });

    await renderGates(api);

    expect(
      await screen.findByText('No gates apply to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The gate policy requires no gates for risk level low.'),
    ).toBeInTheDocument();
  });

  it('says what must happen next, with its remediation', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
    });

    await renderGates(api);

    expect(await screen.findByTestId('assurance-next-gate')).toHaveTextContent(
      'Next: make Dependency vulnerability scan pass — Upgrade lodash to 4.17.21',
    );
  });

  it('says when all required gates passed', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () =>
        entityGates({ gates: [gateResult({})], nextGate: undefined }),
      ),
    });

    await renderGates(api);

    expect(await screen.findByTestId('assurance-next-gate')).toHaveTextContent(
      'All required gates passed',
    );
  });

  it('shows who approved an override, why, until when, and the real status', async () => {
    const expiresAt = DateTime.now().plus({ days: 6, hours: 1 });
    const api = mockAssuranceApi({
      getGates: jest.fn(async () =>
        entityGates({
          gates: [
            gateResult({
              id: 'dependency-scan',
              title: 'Dependency vulnerability scan',
              status: 'overridden',
              reason: '2 critical vulnerabilities',
              override: {
                id: 'ov-1',
                underlyingStatus: 'failed',
                reason: 'The fix ships with the next release',
                requestedBy: 'user:default/alice',
                approvedBy: 'user:default/bob',
                expiresAt: expiresAt.toUTC().toISO()!,
              },
            }),
          ],
          nextGate: undefined,
        }),
      ),
    });

    await renderGates(api);

    const gates = await screen.findByTestId('assurance-gates');
    expect(
      gates.querySelector('[data-gate-id="dependency-scan"]'),
    ).toHaveAttribute('data-gate-status', 'overridden');
    const details = within(gates).getByTestId('assurance-gate-override');
    expect(details).toHaveTextContent('Underlying status: Failed');
    expect(details).toHaveTextContent(
      'Approved by user:default/bob (requested by user:default/alice)',
    );
    expect(details).toHaveTextContent(
      'Reason: The fix ships with the next release',
    );
    expect(details).toHaveTextContent(
      `Expires ${expiresAt.toLocaleString(DateTime.DATETIME_MED)} (in 6 days)`,
    );
    const button = within(gates).getByRole('button', {
      name: 'Request override for Dependency vulnerability scan',
    });
    expect(button).toBeDisabled();
    expect(button.parentElement).toHaveAttribute(
      'title',
      `Overridden until ${expiresAt.toLocaleString(DateTime.DATETIME_MED)}`,
    );
    expect(
      within(gates).getByTestId('assurance-gates-summary'),
    ).toHaveTextContent('0 of 1 gates passed · 1 overridden');
  });

  it('offers no second request while one is pending for the gate in view', async () => {
    const pending = (id: string, gateId: string, digest?: string) => ({
      id,
      entityRef: ENTITY_REF,
      gateId,
      ...(digest ? { digest } : {}),
      reason: 'The fix ships with the next release',
      requestedBy: 'user:default/alice',
      requestedAt: DateTime.now().minus({ hours: 1 }).toUTC().toISO()!,
      expiresAt: DateTime.now().plus({ days: 7 }).toUTC().toISO()!,
      status: 'pending' as const,
    });
    const api = mockAssuranceApi({
      getGates: jest.fn(async () =>
        entityGates({
          gates: [
            gateResult({
              id: 'unit-tests',
              title: 'Unit tests',
              status: 'failed',
            }),
            gateResult({ id: 'sbom', title: 'SBOM', status: 'missing' }),
            gateResult({
              id: 'secrets',
              title: 'Secret scan',
              status: 'failed',
            }),
          ],
        }),
      ),
      listOverrides: jest.fn(async () => [
        pending('ov-1', 'unit-tests'),
        // Another artifact's request does not cover the entity view.
        pending('ov-2', 'sbom', DIGEST),
        // Nor does an expired one.
        {
          ...pending('ov-3', 'secrets'),
          expiresAt: DateTime.now().minus({ days: 1 }).toUTC().toISO()!,
        },
      ]),
    });

    await renderGates(api);

    const gates = await screen.findByTestId('assurance-gates');
    await waitFor(() =>
      expect(
        within(gates).getByRole('button', {
          name: 'Request override for Unit tests',
        }),
      ).toBeDisabled(),
    );
    expect(
      within(gates).getByRole('button', {
        name: 'Request override for Unit tests',
      }).parentElement,
    ).toHaveAttribute('title', 'A request is pending');
    expect(
      within(gates).getAllByTestId('assurance-gate-override-pending'),
    ).toHaveLength(1);
    expect(
      gates.querySelector('[data-gate-id="unit-tests"]'),
    ).toHaveTextContent('Override pending');
    expect(
      within(gates).getByRole('button', { name: 'Request override for SBOM' }),
    ).toBeEnabled();
    expect(
      within(gates).getByRole('button', {
        name: 'Request override for Secret scan',
      }),
    ).toBeEnabled();
  });

  it('shows the gates of the chosen artifact and environment, and keeps them in the URL', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async ({ digest, environment }) =>
        entityGates({ digest, environment }),
      ),
      listArtifacts: jest.fn(async () => [artifact]),
    });

    await renderGates(api);
    await screen.findByTestId('assurance-gates');

    await userEvent.selectOptions(
      await screen.findByLabelText('Artifact'),
      'payments 1.2.3 (sha256:dddddddddddd…)',
    );
    await waitFor(() =>
      expect(api.getGates).toHaveBeenLastCalledWith({
        entityRef: ENTITY_REF,
        digest: DIGEST,
      }),
    );
    expect(urlSearch()).toHaveTextContent(
      `?digest=${encodeURIComponent(DIGEST)}`,
    );

    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'prod');
    await waitFor(() =>
      expect(api.getGates).toHaveBeenLastCalledWith({
        entityRef: ENTITY_REF,
        digest: DIGEST,
        environment: 'prod',
      }),
    );
    expect(api.getPolicy).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      environment: 'prod',
    });
    expect(urlSearch()).toHaveTextContent(
      `?digest=${encodeURIComponent(DIGEST)}&environment=prod`,
    );
    expect(
      await within(screen.getByTestId('assurance-gates-summary')).findByText(
        'Environment prod',
      ),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Artifact'),
      'All evidence (entity)',
    );
    await waitFor(() =>
      expect(api.getGates).toHaveBeenLastCalledWith({
        entityRef: ENTITY_REF,
        environment: 'prod',
      }),
    );
    expect(urlSearch()).toHaveTextContent('?environment=prod');
  });

  it('reads the view from the URL and offers the environments the backend reports', async () => {
    const api = mockAssuranceApi({
      getGates: jest.fn(async () => entityGates()),
      getDrift: jest.fn(async () => [
        {
          environment: 'qa',
          status: 'unknown' as const,
          reason: 'No runtime config was reported',
          differences: [],
        },
      ]),
    });

    await renderGates(api, {
      route: `/catalog/default/component/payments/gates?digest=${DIGEST}&environment=qa`,
    });

    await screen.findByTestId('assurance-gates');
    expect(api.getGates).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      digest: DIGEST,
      environment: 'qa',
    });
    expect(screen.getByLabelText('Artifact')).toHaveValue(DIGEST);
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Environment'))
          .getAllByRole('option')
          .map(option => option.textContent),
      ).toEqual(['No environment', 'qa']),
    );
  });
});
