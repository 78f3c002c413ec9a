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

import { PostureSummary } from '@real-app-forever/plugin-assurance-common';
import { scorecardParser } from './scorecard';
import { refusalOf } from './__testUtils__/corpus';

function parseScorecard(result: unknown): PostureSummary {
  const summary = scorecardParser.parse({
    fileName: 'results.json',
    text: JSON.stringify(result),
  });
  if (summary.kind !== 'posture') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

const base = {
  date: '2024-01-01',
  repo: { name: 'github.com/org/repo', commit: 'abc' },
  scorecard: { version: 'v5.0.0', commit: 'def' },
};

describe('scorecardParser', () => {
  it('reads the scores, with -1 as inconclusive', () => {
    expect(
      parseScorecard({
        ...base,
        score: 7.5,
        checks: [
          { name: 'Code-Review', score: 10, reason: 'all reviewed' },
          { name: 'Packaging', score: -1, reason: 'no published package' },
          { name: 'Fuzzing', score: 0, reason: null, details: null },
        ],
      }),
    ).toEqual({
      kind: 'posture',
      tool: 'OpenSSF Scorecard',
      score: 7.5,
      repository: 'github.com/org/repo',
      checks: [
        { name: 'Code-Review', score: 10, reason: 'all reviewed' },
        { name: 'Packaging', score: null, reason: 'no published package' },
        { name: 'Fuzzing', score: 0, reason: undefined },
      ],
    });
  });

  it('reads pass/fail checks without a score and a result without one', () => {
    const summary = parseScorecard({
      checks: [
        { name: 'Active', pass: true, confidence: 10 },
        { name: 'Signed-Tags', pass: false, reason: 'none signed' },
      ],
    });
    expect(summary).toEqual({
      kind: 'posture',
      tool: 'OpenSSF Scorecard',
      score: null,
      checks: [
        { name: 'Active', score: null, reason: 'passed' },
        { name: 'Signed-Tags', score: null, reason: 'failed: none signed' },
      ],
    });
  });

  it('refuses broken shapes with the field that is wrong', () => {
    expect(
      refusalOf(() => parseScorecard({ ...base, score: 11, checks: [] }))
        .message,
    ).toMatch(/^not an OpenSSF Scorecard JSON result: score: /);
    expect(
      refusalOf(() => parseScorecard({ ...base, checks: [{ score: 3 }] }))
        .message,
    ).toMatch(/checks\.0\.name/);
    expect(refusalOf(() => parseScorecard({ ...base })).message).toMatch(
      /checks/,
    );
  });

  it.each([
    [{ ...base, checks: [] }, true],
    [{ repo: { name: 'x' }, score: 1, checks: [] }, true],
    [{ checks: [] }, false],
    [{ version: '2.1.0', runs: [] }, false],
    [[{ checks: [] }], false],
  ])('detect(%j) is %s', (json, expected) => {
    expect(
      scorecardParser.detect({ fileName: 'x', text: JSON.stringify(json) }),
    ).toBe(expected);
  });
});
