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

import { analysis, record, runGate } from '../__testUtils__/fixtures';
import { lintGate } from './lint';
import { sarifKindOf } from './sarifTools';
import { secretScanGate } from './secretScan';
import { staticAnalysisGate } from './staticAnalysis';

const sarif = (...args: Parameters<typeof analysis>) =>
  record(analysis(...args), { format: 'sarif' });
const eslint = (...args: Parameters<typeof analysis>) =>
  record(analysis(args[0], { tools: ['ESLint'], ...args[1] }), {
    format: 'eslint-json',
  });

describe('sarifKindOf', () => {
  it.each([
    [['ESLint'], 'lint'],
    [['Pylint'], 'lint'],
    [['stylelint', 'golangci-lint'], 'lint'],
    [['Ruff'], 'lint'],
    [['RuboCop'], 'lint'],
    [['Gitleaks'], 'secrets'],
    [['trufflehog'], 'secrets'],
    [['detect-secrets'], 'secrets'],
    [['ESLint', 'gitleaks'], 'secrets'],
    [['ESLint', 'CodeQL'], 'analysis'],
    [['CodeQL'], 'analysis'],
    [['semgrep'], 'analysis'],
    [[], 'analysis'],
  ])('%j is %s', (tools, kind) => {
    expect(sarifKindOf(sarif(0, { tools }))).toBe(kind);
  });

  it('treats a link as analysis', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/r.sarif' },
      { format: 'sarif' },
    );
    expect(sarifKindOf(link)).toBe('analysis');
  });
});

describe('lint', () => {
  it('reads ESLint JSON and linter SARIF, not other SARIF', () => {
    const picked = [
      eslint(0),
      sarif(0, { tools: ['Pylint'] }),
      sarif(0, { tools: ['CodeQL'] }),
      sarif(0, { tools: ['gitleaks'] }),
    ];
    expect(
      lintGate.select!(picked, {}, { settingsByGate: {} }).map(e => e.id),
    ).toEqual([picked[0].id, picked[1].id]);
  });

  it('fails on any error by default, naming rules and places', () => {
    const verdict = runGate(lintGate, [eslint(2, { ruleId: 'no-undef' })]);
    expect(verdict).toMatchObject({
      status: 'failed',
      reason:
        '2 lint errors, the policy allows 0: no-undef at src/db.ts:12, no-undef at src/db.ts:12.',
    });
    expect(verdict.remediation).not.toBe('');
  });

  it('passes within maxErrors, with any number of warnings by default', () => {
    expect(
      runGate(lintGate, [eslint(2, { warnings: 40 })], {
        settings: { maxErrors: 2 },
      }),
    ).toEqual({
      status: 'passed',
      reason:
        '2 lint errors and 40 warnings; the policy allows at most 2 errors and any number of warnings.',
      remediation: '',
    });
  });

  it('fails over maxWarnings', () => {
    const verdict = runGate(lintGate, [eslint(0, { warnings: 3 })], {
      settings: { maxWarnings: 2 },
    });
    expect(verdict).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /^3 lint warnings, the policy allows 2: no-console at src\/log.ts:3/,
      ),
    });
    expect(
      runGate(lintGate, [eslint(0, { warnings: 2 })], {
        settings: { maxWarnings: 2 },
      }).status,
    ).toBe('passed');
  });

  it('is unknown for a link', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/eslint.json' },
      { format: 'eslint-json' },
    );
    expect(runGate(lintGate, [link]).status).toBe('unknown');
  });
});

describe('static-analysis', () => {
  it('takes SARIF that is neither lint nor secrets', () => {
    const picked = [
      sarif(0, { tools: ['CodeQL'] }),
      sarif(0, { tools: ['ESLint'] }),
      sarif(0, { tools: ['Gitleaks'] }),
    ];
    expect(
      staticAnalysisGate.select!(picked, {}, { settingsByGate: {} }).map(
        e => e.id,
      ),
    ).toEqual([picked[0].id]);
  });

  it('fails on an unsuppressed error-level result', () => {
    expect(
      runGate(staticAnalysisGate, [sarif(1, { warnings: 3 })]),
    ).toMatchObject({
      status: 'failed',
      reason:
        '1 unsuppressed error-level result: js/sql-injection at src/db.ts:12.',
    });
  });

  it('passes with only warnings', () => {
    expect(runGate(staticAnalysisGate, [sarif(0, { warnings: 3 })])).toEqual({
      status: 'passed',
      reason: 'No unsuppressed error-level results (3 warnings, 1 suppressed).',
      remediation: '',
    });
  });
});

describe('secret-scan', () => {
  const gitleaks = (count: number) =>
    record({
      kind: 'secrets',
      scanner: 'gitleaks',
      total: count,
      findings: Array.from({ length: count }, (_, i) => ({
        ruleId: 'aws-access-token',
        file: 'src/config.ts',
        line: 10 + i,
        fingerprint: `abc:${i}`,
      })),
    });

  it('takes gitleaks JSON and secret-scanner SARIF only', () => {
    const picked = [
      gitleaks(0),
      sarif(0, { tools: ['trufflehog'] }),
      sarif(0, { tools: ['CodeQL'] }),
    ];
    expect(
      secretScanGate.select!(picked, {}, { settingsByGate: {} }).map(e => e.id),
    ).toEqual([picked[0].id, picked[1].id]);
  });

  it('passes with zero findings', () => {
    expect(runGate(secretScanGate, [gitleaks(0)])).toEqual({
      status: 'passed',
      reason: 'gitleaks found no secrets.',
      remediation: '',
    });
  });

  it('fails on one finding, naming rule and place but no secret', () => {
    const verdict = runGate(secretScanGate, [gitleaks(1)]);
    expect(verdict).toMatchObject({
      status: 'failed',
      reason:
        'gitleaks found 1 possible secret: aws-access-token in src/config.ts:10.',
    });
    expect(verdict.remediation).toMatch(/rotate/);
  });

  it('counts SARIF results from a secret scanner', () => {
    const verdict = runGate(secretScanGate, [
      sarif(0, { tools: ['Gitleaks'], warnings: 2 }),
    ]);
    expect(verdict).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Gitleaks found 2 possible secrets: /),
    });
  });

  it('is unknown for a link', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/leaks.json' },
      { format: 'gitleaks-json' },
    );
    expect(runGate(secretScanGate, [link]).status).toBe('unknown');
  });
});
