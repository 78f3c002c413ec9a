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
import type { EvidencePage } from '@real-app-forever/plugin-assurance-common';
import {
  mockAssuranceApi as mockApi,
  mockBlobDownloads,
  record,
  renderEvidence,
  SHA,
} from '../../__testUtils__/evidence';

const testsRecord = record({});
const scanRecord = record({
  id: 'ev-2',
  format: 'npm-audit',
  fileName: 'audit.json',
  size: 200,
  executionId: undefined,
  workItem: undefined,
  artifact: undefined,
  version: undefined,
  summary: {
    kind: 'vulnerabilities',
    total: 1,
    bySeverity: {
      critical: 1,
      high: 0,
      medium: 0,
      low: 0,
      info: 0,
      unknown: 0,
    },
    findings: [
      {
        id: 'GHSA-1234',
        packageName: 'left-pad',
        severity: 'critical',
        title: 'Prototype pollution',
        fixAvailable: true,
      },
    ],
  },
});

describe('EntityEvidenceContent', () => {
  it('lists the evidence of the entity', async () => {
    const api = mockApi({
      listEvidence: jest.fn(async () => ({
        items: [testsRecord, scanRecord],
      })),
    });

    await renderEvidence(api);

    expect(await screen.findByText('junit.xml')).toBeInTheDocument();
    expect(api.listEvidence).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      limit: 20,
      cursor: undefined,
    });

    const row = screen.getByText('junit.xml').closest('tr')!;
    expect(within(row).getByText('junit')).toBeInTheDocument();
    expect(within(row).getByText('aaaaaaaaaaaa')).toHaveAttribute('title', SHA);
    expect(
      within(row).getByRole('button', { name: 'Copy sha256' }),
    ).toBeInTheDocument();
    expect(within(row).getByText('junit.xml')).toHaveAttribute(
      'title',
      'junit.xml',
    );
    expect(within(row).getByText('1.5 KiB')).toBeInTheDocument();
    expect(within(row).getByText('ci')).toBeInTheDocument();
    expect(within(row).getByText('run-42')).toBeInTheDocument();
    expect(within(row).getByText('PAY-7')).toBeInTheDocument();
    expect(within(row).getByText('payments@1.2.3')).toBeInTheDocument();
    expect(within(row).getByText('2 hours ago')).toBeInTheDocument();

    expect(screen.getByText('audit.json')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('shows the parsed summary when a row is expanded', async () => {
    const api = mockApi({
      listEvidence: jest.fn(async () => ({
        items: [testsRecord, scanRecord],
      })),
    });
    await renderEvidence(api);

    const testsRow = (await screen.findByText('junit.xml')).closest('tr')!;
    await userEvent.click(
      within(testsRow).getByRole('button', {
        name: 'Detail panel visiblity toggle',
      }),
    );

    expect(await screen.findByText('Total: 10')).toBeInTheDocument();
    expect(screen.getByText('Failed: 2')).toBeInTheDocument();
    expect(screen.getByText('Errored: 1')).toBeInTheDocument();
    expect(screen.getByText('charges the card')).toBeInTheDocument();
    expect(screen.getByText('expected 200 but got 500')).toBeInTheDocument();
    expect(
      screen.getByText('Showing the first 1 of 3 failing test cases.'),
    ).toBeInTheDocument();

    const scanRow = screen.getByText('audit.json').closest('tr')!;
    await userEvent.click(
      within(scanRow).getByRole('button', {
        name: 'Detail panel visiblity toggle',
      }),
    );
    expect(await screen.findByText('GHSA-1234')).toBeInTheDocument();
    expect(screen.getByText('Critical: 1')).toBeInTheDocument();
    expect(screen.getByText('left-pad')).toBeInTheDocument();
    expect(screen.getByText('Prototype pollution')).toBeInTheDocument();
  });

  it('pages through the evidence with the server cursor', async () => {
    const pages: Record<string, EvidencePage> = {
      first: { items: [testsRecord], nextCursor: 'cursor-2' },
      'cursor-2': { items: [scanRecord] },
    };
    const api = mockApi({
      listEvidence: jest.fn(async ({ cursor }) => pages[cursor ?? 'first']),
    });
    await renderEvidence(api);

    expect(await screen.findByText('junit.xml')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('audit.json')).toBeInTheDocument();
    expect(api.listEvidence).toHaveBeenLastCalledWith({
      entityRef: 'component:default/payments',
      limit: 20,
      cursor: 'cursor-2',
    });
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.queryByText('junit.xml')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );

    expect(await screen.findByText('junit.xml')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(api.listEvidence).toHaveBeenLastCalledWith({
      entityRef: 'component:default/payments',
      limit: 20,
      cursor: undefined,
    });
  });

  it('opens the row a gate links to with ?id=', async () => {
    const api = mockApi({
      listEvidence: jest.fn(async () => ({
        items: [testsRecord, scanRecord],
      })),
    });
    await renderEvidence(api, { route: '/evidence?id=ev-2' });

    expect(await screen.findByText('GHSA-1234')).toBeInTheDocument();
    expect(screen.queryByText('charges the card')).not.toBeInTheDocument();
    expect(api.getEvidence).not.toHaveBeenCalled();
  });

  it('loads linked evidence that is not on the current page', async () => {
    const older = record({
      id: 'ev-old',
      fileName: 'sbom.json',
      format: 'cyclonedx-json',
      summary: {
        kind: 'sbom',
        specVersion: '1.5',
        componentCount: 321,
        primaryComponent: { name: 'payments', version: '1.0.0' },
      },
    });
    const api = mockApi({
      listEvidence: jest.fn(async () => ({ items: [testsRecord] })),
      getEvidence: jest.fn(async () => older),
    });
    await renderEvidence(api, { route: '/evidence?id=ev-old' });

    expect(
      await screen.findByText('Linked evidence: sbom.json'),
    ).toBeInTheDocument();
    expect(api.getEvidence).toHaveBeenCalledWith({ id: 'ev-old' });
    expect(screen.getByText('Components: 321')).toBeInTheDocument();
    expect(
      screen.getByText('Primary component: payments@1.0.0'),
    ).toBeInTheDocument();
  });

  it('downloads the original file with the fetch API', async () => {
    const blob = new Blob(['<testsuites/>']);
    const fetch = jest.fn(async () => ({ ok: true, blob: async () => blob }));
    const { createObjectURL, click, anchors } = mockBlobDownloads();
    const api = mockApi({
      listEvidence: jest.fn(async () => ({ items: [testsRecord] })),
    });
    await renderEvidence(api, { fetch });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download junit.xml' }),
    );

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.getEvidenceContentUrl).toHaveBeenCalledWith({ id: 'ev-1' });
    expect(fetch).toHaveBeenCalledWith(
      'http://example.com/api/assurance/v1/evidence/ev-1/content',
    );
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(anchors[0].download).toBe('junit.xml');
    click.mockRestore();
  });

  it('shows the error when the evidence cannot be loaded', async () => {
    const api = mockApi({
      listEvidence: jest.fn(async () => {
        throw new Error('Not allowed to read evidence');
      }),
    });
    await renderEvidence(api);

    expect(
      await screen.findAllByText(/Not allowed to read evidence/),
    ).not.toHaveLength(0);
    expect(screen.queryByText('Page 1')).not.toBeInTheDocument();
  });

  it('explains how CI uploads evidence when there is none', async () => {
    const api = mockApi();
    await renderEvidence(api);

    expect(
      await screen.findByText('No evidence uploaded yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/-F entityRef=component:default\/payments/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/http:\/\/example\.com\/api\/assurance\/v1\/evidence/),
    ).toBeInTheDocument();
  });
});
