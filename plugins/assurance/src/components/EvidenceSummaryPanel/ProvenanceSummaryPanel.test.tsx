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

import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceSummaryPanel } from './EvidenceSummaryPanel';

const DIGEST = 'c'.repeat(64);

function provenance(
  signature: ProvenanceSummary['signature'],
): ProvenanceSummary {
  return {
    kind: 'provenance',
    envelope: 'dsse',
    predicateType: 'https://slsa.dev/provenance/v1',
    subjects: [{ name: 'ghcr.io/acme/payments', digest: { sha256: DIGEST } }],
    builderId: 'https://github.com/actions/runner',
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    sourceRepository: 'https://github.com/acme/payments',
    sourceRef: 'refs/heads/main',
    signature,
  };
}

describe('ProvenanceSummaryPanel', () => {
  it('shows the builder, source and subjects of a verified build', async () => {
    await renderInTestApp(
      <EvidenceSummaryPanel
        summary={provenance({
          status: 'verified',
          reason: 'Signed by the release key',
          keyId: 'release-2026',
        })}
      />,
    );

    expect(screen.getByText('Signature verified')).toBeInTheDocument();
    expect(screen.getByTestId('status-ok')).toBeInTheDocument();
    expect(screen.getByText('Signed by the release key')).toBeInTheDocument();
    expect(screen.getByText('release-2026')).toBeInTheDocument();

    const facts = screen.getByRole('table', { name: 'Provenance' });
    expect(within(facts).getByText('DSSE envelope')).toBeInTheDocument();
    expect(
      within(facts).getByText('https://slsa.dev/provenance/v1'),
    ).toBeInTheDocument();
    expect(
      within(facts).getByText('https://github.com/actions/runner'),
    ).toBeInTheDocument();
    expect(
      within(facts).getByText(
        'https://actions.github.io/buildtypes/workflow/v1',
      ),
    ).toBeInTheDocument();
    expect(
      within(facts).getByText(
        'https://github.com/acme/payments@refs/heads/main',
      ),
    ).toBeInTheDocument();

    const subjects = screen.getByRole('table', { name: 'Provenance subjects' });
    const row = within(subjects)
      .getByText('ghcr.io/acme/payments')
      .closest('tr')!;
    expect(within(row).getByText(`sha256:${DIGEST}`)).toBeInTheDocument();
  });

  it('says why a signature is unverified', async () => {
    await renderInTestApp(
      <EvidenceSummaryPanel
        summary={provenance({
          status: 'unverified',
          reason: 'No trusted keys are configured',
        })}
      />,
    );

    expect(screen.getByText('Signature not verified')).toBeInTheDocument();
    expect(screen.getByTestId('status-warning')).toBeInTheDocument();
    expect(
      screen.getByText('No trusted keys are configured'),
    ).toBeInTheDocument();
  });

  it('says why a signature check failed', async () => {
    await renderInTestApp(
      <EvidenceSummaryPanel
        summary={provenance({
          status: 'failed',
          reason: 'The signature does not match the payload',
        })}
      />,
    );

    expect(screen.getByText('Signature check failed')).toBeInTheDocument();
    expect(screen.getByTestId('status-error')).toBeInTheDocument();
    expect(
      screen.getByText('The signature does not match the payload'),
    ).toBeInTheDocument();
  });
});

describe('LinkSummaryPanel', () => {
  it('links to evidence kept elsewhere and says it is not read', async () => {
    await renderInTestApp(
      <EvidenceSummaryPanel
        summary={{ kind: 'link', url: 'https://artifacts.example.com/sbom' }}
      />,
    );

    expect(
      screen.getByRole('link', {
        name: /https:\/\/artifacts\.example\.com\/sbom/,
      }),
    ).toHaveAttribute('href', 'https://artifacts.example.com/sbom');
    expect(
      screen.getByText(/gates will treat it as unknown/),
    ).toBeInTheDocument();
  });
});
