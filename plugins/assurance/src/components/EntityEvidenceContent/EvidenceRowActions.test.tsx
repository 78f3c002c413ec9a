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
import type { EvidenceVerification } from '@real-app-forever/plugin-assurance-common';
import {
  ENTITY_REF,
  mockAssuranceApi,
  mockBlobDownloads,
  record,
  renderEvidence,
  SHA,
} from '../../__testUtils__/evidence';

const junit = record({});

function verification(
  overrides: Partial<EvidenceVerification>,
): EvidenceVerification {
  return {
    id: 'ev-1',
    expectedSha256: SHA,
    actualSha256: SHA,
    matches: true,
    size: 1536,
    verifiedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe('EntityEvidenceContent row actions', () => {
  it('verifies the hash of stored evidence', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
      verifyEvidence: jest.fn(async () => verification({})),
    });
    await renderEvidence(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Verify hash of junit.xml' }),
    );

    expect(await screen.findByText('sha256 matches')).toBeInTheDocument();
    expect(api.verifyEvidence).toHaveBeenCalledWith({ id: 'ev-1' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('raises the alarm when the stored bytes changed', async () => {
    const actual = 'e'.repeat(64);
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
      verifyEvidence: jest.fn(async () =>
        verification({ actualSha256: actual, matches: false }),
      ),
    });
    await renderEvidence(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Verify hash of junit.xml' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'MISMATCH: stored bytes hash to eeeeeeeeeeee…',
    );
    expect(alert).toHaveAttribute(
      'title',
      expect.stringContaining(`Stored bytes now: ${actual}`),
    );
    expect(screen.queryByText('sha256 matches')).not.toBeInTheDocument();
  });

  it('reports a failed verification to the error API', async () => {
    const errorApi = { post: jest.fn() };
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
      verifyEvidence: jest.fn(async () => {
        throw new Error('Not allowed to verify');
      }),
    });
    await renderEvidence(api, { errorApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Verify hash of junit.xml' }),
    );

    await waitFor(() =>
      expect(errorApi.post).toHaveBeenCalledWith(
        new Error('Not allowed to verify'),
      ),
    );
  });

  it('opens linked evidence and does not offer to verify it', async () => {
    const url = 'https://artifacts.example.com/sbom.json';
    const linked = record({
      id: 'ev-link',
      fileName: 'sbom.json',
      format: 'cyclonedx-json',
      storage: 'link',
      url,
      summary: { kind: 'link', url },
    });
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [linked] })),
    });
    await renderEvidence(api);

    const row = (await screen.findByText('sbom.json')).closest('tr')!;
    expect(within(row).getByText('link')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'Open sbom.json' }),
    ).toHaveAttribute('href', url);
    expect(
      within(row).queryByRole('button', { name: 'Download sbom.json' }),
    ).not.toBeInTheDocument();
    expect(
      within(row).getByRole('button', { name: 'Verify hash of sbom.json' }),
    ).toBeDisabled();
  });

  it('marks evidence that was redacted before storage', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({
        items: [record({ fileName: 'gitleaks.json', redacted: true })],
      })),
    });
    await renderEvidence(api);

    const row = (await screen.findByText('gitleaks.json')).closest('tr')!;
    expect(within(row).getByText('redacted')).toBeInTheDocument();
  });

  it('exports all evidence as a zip with the user token', async () => {
    const blob = new Blob(['zip']);
    const fetch = jest.fn(async () => ({ ok: true, blob: async () => blob }));
    const { createObjectURL, click, anchors } = mockBlobDownloads();
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
    });
    await renderEvidence(api, { fetch });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export all (zip)' }),
    );

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.getEvidenceExportUrl).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://example.com/api/assurance/v1/entities/component/default/payments/evidence/export',
    );
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(anchors[0].download).toBe('component-default-payments-evidence.zip');
    click.mockRestore();
  });
});
