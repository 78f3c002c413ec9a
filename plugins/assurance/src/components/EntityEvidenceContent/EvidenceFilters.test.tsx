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

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Artifact,
  EvidencePage,
} from '@real-app-forever/plugin-assurance-common';
import {
  ENTITY_REF,
  mockAssuranceApi,
  record,
  renderEvidence,
} from '../../__testUtils__/evidence';

const junit = record({});
const sarif = record({ id: 'ev-2', format: 'sarif', fileName: 'lint.sarif' });

function urlSearch() {
  return screen.getByTestId('location-search');
}

describe('EntityEvidenceContent filters', () => {
  it('sends the format to the server and puts it in the URL', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async ({ filter }) => ({
        items: filter?.format === 'sarif' ? [sarif] : [junit, sarif],
      })),
    });
    await renderEvidence(api);
    expect(await screen.findByText('junit.xml')).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'CycloneDX JSON' }),
    ).toHaveAttribute('value', 'cyclonedx-json');

    await userEvent.selectOptions(screen.getByLabelText('Format'), 'sarif');

    await waitFor(() =>
      expect(screen.queryByText('junit.xml')).not.toBeInTheDocument(),
    );
    expect(api.listEvidence).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      limit: 20,
      cursor: undefined,
      filter: { format: 'sarif' },
    });
    expect(urlSearch()).toHaveTextContent('?format=sarif');
    expect(screen.getByText('lint.sarif')).toBeInTheDocument();
  });

  it('filters by the text fields once typing pauses', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
    });
    await renderEvidence(api);
    await screen.findByText('junit.xml');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Execution id' }),
      'run-42',
    );
    await waitFor(() =>
      expect(api.listEvidence).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { executionId: 'run-42' } }),
      ),
    );
    // Typing is not a request per key.
    expect(api.listEvidence).toHaveBeenCalledTimes(2);

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Release id' }),
      'rel-9{Enter}',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Work item' }),
      'PAY-7{Enter}',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Artifact' }),
      'payments{Enter}',
    );

    await waitFor(() =>
      expect(api.listEvidence).toHaveBeenLastCalledWith(
        expect.objectContaining({
          filter: {
            executionId: 'run-42',
            artifact: 'payments',
            releaseId: 'rel-9',
            workItem: 'PAY-7',
          },
        }),
      ),
    );
    expect(urlSearch()).toHaveTextContent(
      '?executionId=run-42&releaseId=rel-9&workItem=PAY-7&artifact=payments',
    );
  });

  it('reads the filter from a link and keeps ?id=', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
    });
    await renderEvidence(api, {
      route: '/evidence?id=ev-1&format=junit&workItem=PAY-7&format2=x',
    });

    expect(await screen.findByText('charges the card')).toBeInTheDocument();
    expect(api.listEvidence).toHaveBeenCalledWith({
      entityRef: ENTITY_REF,
      limit: 20,
      cursor: undefined,
      filter: { format: 'junit', workItem: 'PAY-7' },
    });
    expect(screen.getByLabelText('Format')).toHaveValue('junit');
    expect(screen.getByRole('textbox', { name: 'Work item' })).toHaveValue(
      'PAY-7',
    );

    await userEvent.selectOptions(screen.getByLabelText('Format'), '');

    await waitFor(() =>
      expect(urlSearch()).toHaveTextContent('?id=ev-1&workItem=PAY-7'),
    );
    expect(api.listEvidence).toHaveBeenLastCalledWith(
      expect.objectContaining({ filter: { workItem: 'PAY-7' } }),
    );
  });

  it('ignores a format it does not know', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
    });
    await renderEvidence(api, { route: '/evidence?format=word-doc' });

    await screen.findByText('junit.xml');
    expect(api.listEvidence).toHaveBeenCalledWith(
      expect.objectContaining({ filter: undefined }),
    );
  });

  it('starts again at page 1 when the filter changes', async () => {
    const pages: Record<string, EvidencePage> = {
      first: { items: [junit], nextCursor: 'cursor-2' },
      'cursor-2': { items: [sarif] },
    };
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async ({ cursor }) => pages[cursor ?? 'first']),
    });
    await renderEvidence(api);
    await screen.findByText('junit.xml');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Page 2')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Format'), 'junit');

    expect(await screen.findByText('Page 1')).toBeInTheDocument();
    expect(api.listEvidence).toHaveBeenLastCalledWith({
      entityRef: ENTITY_REF,
      limit: 20,
      cursor: undefined,
      filter: { format: 'junit' },
    });
  });

  it('offers the artifacts of the entity as digests', async () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const artifact: Artifact = {
      entityRef: ENTITY_REF,
      digest,
      name: 'payments',
      version: '1.2.3',
      evidenceCount: 4,
      firstSeenAt: '2026-01-01T00:00:00Z',
      lastSeenAt: '2026-01-02T00:00:00Z',
    };
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async () => ({ items: [junit] })),
      listArtifacts: jest.fn(async () => [artifact]),
    });
    await renderEvidence(api);
    await screen.findByText('junit.xml');
    expect(api.listArtifacts).toHaveBeenCalledWith({ entityRef: ENTITY_REF });

    await userEvent.selectOptions(
      await screen.findByLabelText('Artifact digest'),
      'payments 1.2.3 (sha256:dddddddddddd…)',
    );

    await waitFor(() =>
      expect(api.listEvidence).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: { digest } }),
      ),
    );
    expect(urlSearch()).toHaveTextContent(
      `?digest=${encodeURIComponent(digest)}`,
    );
  });

  it('says when nothing matches, and clears the filters', async () => {
    const api = mockAssuranceApi({
      listEvidence: jest.fn(async ({ filter }) => ({
        items: filter ? [] : [junit],
      })),
    });
    await renderEvidence(api, { route: '/evidence?format=sarif' });

    expect(
      await screen.findByText('No evidence matches these filters.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No evidence uploaded yet'),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    expect(await screen.findByText('junit.xml')).toBeInTheDocument();
    expect(urlSearch()).toBeEmptyDOMElement();
    expect(screen.getByLabelText('Format')).toHaveValue('');
  });
});
