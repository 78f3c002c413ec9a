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

import { render, screen, within } from '@testing-library/react';
import type { EvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceSummaryPanel } from './EvidenceSummaryPanel';

describe('EvidenceSummaryPanel', () => {
  it('shows static analysis counts and results', () => {
    const summary: EvidenceSummary = {
      kind: 'static-analysis',
      tools: ['eslint', 'semgrep'],
      total: 2,
      byLevel: { error: 1, warning: 1, note: 0, none: 0 },
      suppressed: 4,
      ruleIds: ['no-eval', 'no-implied-eval'],
      results: [
        {
          ruleId: 'no-eval',
          level: 'error',
          message: 'eval can be harmful',
          location: 'src/index.ts:12',
        },
      ],
    };

    render(<EvidenceSummaryPanel summary={summary} />);

    expect(screen.getByText('Tools: eslint, semgrep')).toBeInTheDocument();
    expect(screen.getByText('Errors: 1')).toBeInTheDocument();
    expect(screen.getByText('Warnings: 1')).toBeInTheDocument();
    expect(screen.getByText('Suppressed: 4')).toBeInTheDocument();
    expect(screen.getByText('Rules (2):', { exact: false })).toHaveTextContent(
      'Rules (2): no-eval, no-implied-eval',
    );
    const results = screen.getByRole('table', {
      name: 'Static analysis results',
    });
    expect(within(results).getByText('no-eval')).toBeInTheDocument();
    expect(screen.getByText('src/index.ts:12')).toBeInTheDocument();
    expect(screen.getByText('eval can be harmful')).toBeInTheDocument();
    expect(
      screen.getByText('Showing the first 1 of 2 results.'),
    ).toBeInTheDocument();
  });

  it('shows the facts of an SBOM', () => {
    render(
      <EvidenceSummaryPanel
        summary={{
          kind: 'sbom',
          specVersion: '1.6',
          componentCount: 12,
          primaryComponent: { name: 'payments' },
        }}
      />,
    );

    expect(screen.getByText('Spec version: 1.6')).toBeInTheDocument();
    expect(screen.getByText('Components: 12')).toBeInTheDocument();
    expect(screen.getByText('Primary component: payments')).toBeInTheDocument();
  });

  it('says when a test report has no failures', () => {
    render(
      <EvidenceSummaryPanel
        summary={{
          kind: 'tests',
          total: 3,
          passed: 3,
          failed: 0,
          errored: 0,
          skipped: 0,
          failures: [],
        }}
      />,
    );

    expect(screen.getByText('Passed: 3')).toBeInTheDocument();
    expect(screen.getByText('No failing test cases.')).toBeInTheDocument();
  });

  it('copes with a summary kind it does not know', () => {
    render(
      <EvidenceSummaryPanel
        summary={{ kind: 'mystery' } as unknown as EvidenceSummary}
      />,
    );

    expect(
      screen.getByText('No summary is available for this evidence.'),
    ).toBeInTheDocument();
  });
  it('shows secret findings without values', () => {
    render(
      <EvidenceSummaryPanel
        summary={{
          kind: 'secrets',
          scanner: 'gitleaks',
          total: 1,
          findings: [
            {
              ruleId: 'aws-access-token',
              file: 'config/prod.env',
              line: 3,
              fingerprint: 'abc123:config/prod.env:aws-access-token:3',
              commit: 'f'.repeat(40),
            },
          ],
        }}
      />,
    );

    expect(screen.getByText('Scanner: gitleaks')).toBeInTheDocument();
    expect(screen.getByText('Secrets found: 1')).toBeInTheDocument();
    expect(
      screen.getByText(/Secret values are removed before storage/),
    ).toBeInTheDocument();
    expect(screen.getByText('aws-access-token')).toBeInTheDocument();
    expect(screen.getByText('config/prod.env:3')).toBeInTheDocument();
    expect(
      screen.getByText('abc123:config/prod.env:aws-access-token:3'),
    ).toBeInTheDocument();
    expect(screen.getByText('f'.repeat(12))).toHaveAttribute(
      'title',
      'f'.repeat(40),
    );
  });

  it('shows the posture score and checks, inconclusive as "?"', () => {
    render(
      <EvidenceSummaryPanel
        summary={{
          kind: 'posture',
          tool: 'scorecard',
          score: 6.8,
          repository: 'github.com/acme/payments',
          checks: [
            { name: 'Branch-Protection', score: 3, reason: 'not enforced' },
            { name: 'Fuzzing', score: null, reason: 'internal error' },
          ],
        }}
      />,
    );

    expect(screen.getByText('Score: 6.8/10')).toBeInTheDocument();
    expect(screen.getByText('github.com/acme/payments')).toBeInTheDocument();
    const checks = screen.getByRole('table', { name: 'Posture checks' });
    const branch = within(checks).getByText('Branch-Protection').closest('tr')!;
    expect(within(branch).getByText('3')).toBeInTheDocument();
    expect(within(branch).getByText('not enforced')).toBeInTheDocument();
    const fuzzing = within(checks).getByText('Fuzzing').closest('tr')!;
    expect(within(fuzzing).getByText('?')).toHaveAttribute(
      'title',
      'Inconclusive',
    );
  });
});
