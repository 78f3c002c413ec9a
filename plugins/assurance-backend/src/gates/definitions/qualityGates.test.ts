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

import { EvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import { record, runGate } from '../__testUtils__/fixtures';
import { coverageGate } from './coverage';
import { scorecardGate } from './scorecard';

function coverage(covered: number, valid: number): EvidenceSummary {
  return {
    kind: 'coverage',
    lineRate: valid ? covered / valid : null,
    branchRate: null,
    linesCovered: covered,
    linesValid: valid,
    branchesCovered: 0,
    branchesValid: 0,
    files: [
      {
        path: 'src/a.ts',
        lineRate: 0.2,
        branchRate: null,
        linesCovered: 2,
        linesValid: 10,
      },
      {
        path: 'src/b.ts',
        lineRate: 0.9,
        branchRate: null,
        linesCovered: 9,
        linesValid: 10,
      },
    ],
  };
}

function scorecard(score: number | null): EvidenceSummary {
  return {
    kind: 'posture',
    tool: 'scorecard',
    score,
    checks: [
      { name: 'Code-Review', score: 2 },
      { name: 'Maintained', score: 10 },
      { name: 'Fuzzing', score: null },
    ],
  };
}

describe('coverage', () => {
  it('requires 60% of lines by default', () => {
    expect(runGate(coverageGate, [record(coverage(59, 100))])).toMatchObject({
      status: 'failed',
      reason:
        'Line coverage is 59%; the policy requires at least 60%. Lowest: src/a.ts 20%, src/b.ts 90%.',
    });
    expect(runGate(coverageGate, [record(coverage(60, 100))])).toEqual({
      status: 'passed',
      reason: 'Line coverage is 60%; the policy requires at least 60%.',
      remediation: '',
    });
  });

  it('follows minLineRate', () => {
    const settings = { minLineRate: 0.85 };
    expect(
      runGate(coverageGate, [record(coverage(80, 100))], { settings }).status,
    ).toBe('failed');
  });

  it('adds up the reports of an execution', () => {
    expect(
      runGate(coverageGate, [
        record(coverage(90, 100)),
        record(coverage(10, 100)),
      ]).reason,
    ).toMatch(/^Line coverage is 50%/);
  });

  it('is unknown without coverable lines', () => {
    expect(runGate(coverageGate, [record(coverage(0, 0))]).status).toBe(
      'unknown',
    );
  });
});

describe('scorecard', () => {
  it('requires a score of 5 by default', () => {
    expect(runGate(scorecardGate, [record(scorecard(4.9))])).toMatchObject({
      status: 'failed',
      reason:
        'The Scorecard score is 4.9; the policy requires at least 5. Weakest checks: Code-Review 2, Maintained 10.',
    });
    expect(runGate(scorecardGate, [record(scorecard(5))]).status).toBe(
      'passed',
    );
  });

  it('follows minScore', () => {
    expect(
      runGate(scorecardGate, [record(scorecard(6.5))], {
        settings: { minScore: 7 },
      }).status,
    ).toBe('failed');
  });

  it('is unknown without an overall score', () => {
    expect(runGate(scorecardGate, [record(scorecard(null))]).status).toBe(
      'unknown',
    );
  });
});
