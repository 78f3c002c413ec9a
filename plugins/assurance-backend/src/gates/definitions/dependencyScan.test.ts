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

import { record, runGate, vulnerabilities } from '../__testUtils__/fixtures';
import { dependencyScanGate } from './dependencyScan';

const scan = (...args: Parameters<typeof vulnerabilities>) =>
  record(vulnerabilities(...args));

describe('dependency-scan', () => {
  it('fails on critical or high vulnerabilities by default', () => {
    const verdict = runGate(dependencyScanGate, [
      scan({ critical: 1, high: 2 }),
    ]);
    expect(verdict).toMatchObject({
      status: 'failed',
      reason:
        '1 critical and 2 high vulnerabilities: lodash: GHSA-crit, minimist: GHSA-high, minimist: GHSA-high.',
    });
    expect(verdict.remediation).toMatch(/Upgrade the affected packages/);
  });

  it('passes with medium ones by default and says so', () => {
    expect(runGate(dependencyScanGate, [scan({ medium: 4 })])).toEqual({
      status: 'passed',
      reason: 'No critical or high vulnerabilities (4 medium).',
      remediation: '',
    });
  });

  it('lowers the bar with maxSeverity', () => {
    const low = { settings: { maxSeverity: 'low' as const } };
    expect(
      runGate(dependencyScanGate, [scan({ medium: 1 })], low),
    ).toMatchObject({
      status: 'failed',
      reason: '1 medium vulnerability: qs: GHSA-med.',
    });
    expect(runGate(dependencyScanGate, [scan({ low: 3 })], low)).toMatchObject({
      status: 'passed',
      reason: 'No critical, high or medium vulnerabilities (3 low).',
    });
  });

  it('allows nothing with maxSeverity none', () => {
    const none = { settings: { maxSeverity: 'none' as const } };
    expect(runGate(dependencyScanGate, [scan({ low: 1 })], none).status).toBe(
      'failed',
    );
    expect(runGate(dependencyScanGate, [scan({})], none)).toMatchObject({
      status: 'passed',
      reason: 'No vulnerabilities.',
    });
  });

  it('allows everything with maxSeverity critical', () => {
    expect(
      runGate(dependencyScanGate, [scan({ critical: 1 })], {
        settings: { maxSeverity: 'critical' },
      }),
    ).toMatchObject({
      status: 'passed',
      reason: 'The policy allows vulnerabilities of any severity (1 critical).',
    });
  });

  it('fails over a count threshold of an allowed severity', () => {
    const settings = { maxFindings: { medium: 3, low: 10 } };
    expect(
      runGate(dependencyScanGate, [scan({ medium: 4, low: 11 })], { settings }),
    ).toMatchObject({
      status: 'failed',
      reason:
        '4 medium vulnerabilities (the policy allows 3) and 11 low vulnerabilities (the policy allows 10).',
    });
    expect(
      runGate(dependencyScanGate, [scan({ medium: 3 })], { settings }).status,
    ).toBe('passed');
  });

  it('adds up every scanner of the execution', () => {
    const verdict = runGate(
      dependencyScanGate,
      [scan({ medium: 1 }), scan({ medium: 2 })],
      { settings: { maxFindings: { medium: 2 } } },
    );
    expect(verdict.reason).toMatch(/^3 medium vulnerabilities/);
  });

  it('is unknown for facts of another kind', () => {
    const link = record(
      { kind: 'link', url: 'https://ci.example/audit.json' },
      { format: 'npm-audit' },
    );
    expect(runGate(dependencyScanGate, [link]).status).toBe('unknown');
  });
});
