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

import {
  CoverageSummary,
  MAX_COVERAGE_FILES,
} from '@real-app-forever/plugin-assurance-common';
import { lcovParser } from './lcov';
import { refusalOf } from './__testUtils__/corpus';

function parseLcov(lines: string[]): CoverageSummary {
  const summary = lcovParser.parse({
    fileName: 'lcov.info',
    text: lines.join('\r\n'),
  });
  if (summary.kind !== 'coverage') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

describe('lcovParser', () => {
  it('counts DA and BRDA records, each line and branch once', () => {
    const summary = parseLcov([
      'TN:unit',
      'SF:src\\a.ts',
      'FN:1,main',
      'DA:1,3',
      'DA:2,0',
      'DA:2,1',
      'DA:3,0',
      'BRDA:2,0,0,1',
      'BRDA:2,0,1,-',
      'BRDA:2,0,1,0',
      'LF:99',
      'LH:99',
      'end_of_record',
    ]);
    expect(summary).toEqual({
      kind: 'coverage',
      lineRate: 2 / 3,
      branchRate: 0.5,
      linesCovered: 2,
      linesValid: 3,
      branchesCovered: 1,
      branchesValid: 2,
      files: [
        {
          path: 'src\\a.ts',
          lineRate: 2 / 3,
          branchRate: 0.5,
          linesCovered: 2,
          linesValid: 3,
        },
      ],
    });
  });

  it('falls back to LF/LH and BRF/BRH, and merges records of one file', () => {
    const summary = parseLcov([
      'SF:b.js',
      'LF:10',
      'LH:5',
      'end_of_record',
      'SF:a.js',
      'DA:1,1',
      'end_of_record',
      'TN:other',
      'SF:a.js',
      'DA:2,0',
      'BRF:4',
      'BRH:1',
      'end_of_record',
    ]);
    expect(summary).toMatchObject({
      linesCovered: 6,
      linesValid: 12,
      branchesCovered: 1,
      branchesValid: 4,
    });
    expect(summary.files.map(file => file.path)).toEqual(['a.js', 'b.js']);
  });

  it('lists files lowest line rate first, nothing coverable last', () => {
    const summary = parseLcov([
      'SF:empty.js',
      'end_of_record',
      'SF:full.js',
      'DA:1,1',
      'end_of_record',
      'SF:none.js',
      'DA:1,0',
      'end_of_record',
    ]);
    expect(summary.files.map(file => [file.path, file.lineRate])).toEqual([
      ['none.js', 0],
      ['full.js', 1],
      ['empty.js', null],
    ]);
  });

  it('lists at most MAX_COVERAGE_FILES files but counts them all', () => {
    const lines = Array.from({ length: MAX_COVERAGE_FILES + 5 }, (_, i) => [
      `SF:f${i}.js`,
      'DA:1,1',
      'end_of_record',
    ]).flat();
    const summary = parseLcov(lines);
    expect(summary.linesValid).toBe(MAX_COVERAGE_FILES + 5);
    expect(summary.files).toHaveLength(MAX_COVERAGE_FILES);
  });

  it.each([
    [['SF:a.js', 'DA:x,1'], /line 2 \("DA:x,1"\) is not a valid DA record/],
    [['SF:a.js', 'BRDA:1,0'], /line 2 .* is not a valid BRDA record/],
    [['SF:a.js', 'LH:-1'], /line 2 .* is not a valid LH record/],
    [['DA:1,1', 'SF:a.js'], /line 1 .* comes before any SF: record/],
    [['SF:a.js', 'hello world'], /line 2 .* is not an lcov record/],
    [['TN:', 'FN:1,x'], /^not an lcov report: no SF:/],
  ])('refuses %j', (lines, reason) => {
    expect(refusalOf(() => parseLcov(lines)).message).toMatch(reason);
  });

  it.each([
    ['TN:\nSF:a.js\nDA:1,1\nend_of_record', true],
    ['\nSF:C:\\a.cpp\nend_of_record', true],
    ['TN:\nFN:1,x', false],
    ['ok 1\nSF:a.js', false],
    ['{"SF": 1}', false],
  ])('detect(%j) is %s', (text, expected) => {
    expect(lcovParser.detect({ fileName: 'lcov.info', text })).toBe(expected);
  });
});
