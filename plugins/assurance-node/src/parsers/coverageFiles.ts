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

/** Line and branch counts of one source file. */
export interface FileCoverage {
  path: string;
  linesCovered: number;
  linesValid: number;
  branchesCovered: number;
  branchesValid: number;
}

/** covered / valid, or null when nothing is valid. */
export function rate(options: {
  covered: number;
  valid: number;
}): number | null {
  return options.valid > 0 ? options.covered / options.valid : null;
}

/**
 * The coverage summary of per-file counts: totals are the sums, files are
 * listed lowest line rate first (files with nothing coverable last, then
 * by path) and capped at {@link MAX_COVERAGE_FILES}.
 */
export function coverageSummary(files: FileCoverage[]): CoverageSummary {
  const sum = (key: Exclude<keyof FileCoverage, 'path'>) =>
    files.reduce((total, file) => total + file[key], 0);
  const linesCovered = sum('linesCovered');
  const linesValid = sum('linesValid');
  const branchesCovered = sum('branchesCovered');
  const branchesValid = sum('branchesValid');

  const listed = files.map(file => ({
    path: file.path,
    lineRate: rate({ covered: file.linesCovered, valid: file.linesValid }),
    branchRate: rate({
      covered: file.branchesCovered,
      valid: file.branchesValid,
    }),
    linesCovered: file.linesCovered,
    linesValid: file.linesValid,
  }));
  listed.sort(
    (a, b) =>
      (a.lineRate ?? Infinity) - (b.lineRate ?? Infinity) ||
      (a.path < b.path ? -1 : Number(a.path > b.path)),
  );

  return {
    kind: 'coverage',
    lineRate: rate({ covered: linesCovered, valid: linesValid }),
    branchRate: rate({ covered: branchesCovered, valid: branchesValid }),
    linesCovered,
    linesValid,
    branchesCovered,
    branchesValid,
    files: listed.slice(0, MAX_COVERAGE_FILES),
  };
}
