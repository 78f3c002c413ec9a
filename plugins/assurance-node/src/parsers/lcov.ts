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

import { EvidenceParser, EvidenceRefusedError } from '../types';
import { coverageSummary, FileCoverage } from './coverageFiles';

/** What the records of one source file say. */
interface LcovFile {
  path: string;
  /** Line number → covered. */
  lines: Map<number, boolean>;
  /** `line,block,branch` → taken. */
  branches: Map<string, boolean>;
  /** The LF, LH, BRF and BRH totals, the highest of each seen. */
  totals: { LF: number; LH: number; BRF: number; BRH: number };
}

const TOTAL_KEYS = ['LF', 'LH', 'BRF', 'BRH'] as const;
const MAX_QUOTED = 60;

/**
 * Reads lcov tracefiles (`lcov`, `genhtml` input; istanbul, c8, coverlet,
 * gcov). Counts come from the `DA:` and `BRDA:` records, each line and each
 * branch counted once per file (duplicates are covered when any is); a file
 * without them falls back to its `LF`/`LH` and `BRF`/`BRH` totals. Records
 * of the same `SF:` path are merged. Paths are kept as written, Windows
 * paths included. Records the summary does not need (`TN`, `FN`, `FNDA`, …)
 * are skipped; a malformed `DA`, `BRDA` or total is refused with its line.
 */
export const lcovParser: EvidenceParser = {
  format: 'lcov',

  detect: ({ text }) => {
    const head = text.slice(0, 4096);
    const first = head.trimStart().split(/\r\n|\r|\n/, 1)[0];
    return /^(TN|SF):/.test(first) && /^SF:/m.test(head);
  },

  parse: ({ text }) => {
    const files = new Map<string, LcovFile>();
    let current: LcovFile | undefined;
    const lines = text.split(/\r\n|\r|\n/);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index].trim();
      if (line === '') {
        continue;
      }
      if (line === 'end_of_record') {
        current = undefined;
        continue;
      }
      const match = /^([A-Z_]+):(.*)$/.exec(line);
      if (!match) {
        throw refusal({ index, line, problem: 'is not an lcov record' });
      }
      const [, key, value] = match;
      if (key === 'SF') {
        current = fileRecord({ files, path: value.trim() });
      } else if (key === 'DA' || key === 'BRDA' || isTotalKey(key)) {
        if (!current) {
          throw refusal({
            index,
            line,
            problem: 'comes before any SF: record',
          });
        }
        if (!readCounts({ file: current, key, value })) {
          throw refusal({
            index,
            line,
            problem: `is not a valid ${key} record`,
          });
        }
      }
    }
    if (files.size === 0) {
      throw new EvidenceRefusedError(
        'not an lcov report: no SF: (source file) record found',
      );
    }
    return coverageSummary([...files.values()].map(fileCoverage));
  },
};

function fileRecord(options: {
  files: Map<string, LcovFile>;
  path: string;
}): LcovFile {
  const { files, path } = options;
  let file = files.get(path);
  if (!file) {
    file = {
      path,
      lines: new Map(),
      branches: new Map(),
      totals: { LF: 0, LH: 0, BRF: 0, BRH: 0 },
    };
    files.set(path, file);
  }
  return file;
}

/** Adds one DA, BRDA, LF, LH, BRF or BRH record; false when malformed. */
function readCounts(options: {
  file: LcovFile;
  key: string;
  value: string;
}): boolean {
  const { file, key, value } = options;
  const fields = value.split(',').map(field => field.trim());
  if (key === 'DA') {
    // DA:<line>,<hits>[,<checksum>]
    const [line, hits] = fields.map(Number);
    if (!isCount(line) || !Number.isFinite(hits) || fields.length > 3) {
      return false;
    }
    file.lines.set(line, file.lines.get(line) === true || hits > 0);
    return true;
  }
  if (key === 'BRDA') {
    // BRDA:<line>,<block>,<branch>,<taken or "-">; the branch id may be text.
    const [line, block, branch, taken] = fields;
    const count = taken === '-' ? 0 : Number(taken);
    if (fields.length !== 4 || !isCount(Number(line)) || !isCount(count)) {
      return false;
    }
    const id = `${line},${block},${branch}`;
    file.branches.set(id, file.branches.get(id) === true || count > 0);
    return true;
  }
  const total = Number(value.trim());
  if (!isTotalKey(key) || !isCount(total) || value.trim() === '') {
    return false;
  }
  file.totals[key] = Math.max(file.totals[key], total);
  return true;
}

function fileCoverage(file: LcovFile): FileCoverage {
  const { lines, branches, totals } = file;
  const covered = (map: Map<unknown, boolean>) =>
    [...map.values()].filter(Boolean).length;
  return {
    path: file.path,
    linesValid: lines.size > 0 ? lines.size : totals.LF,
    linesCovered:
      lines.size > 0 ? covered(lines) : Math.min(totals.LH, totals.LF),
    branchesValid: branches.size > 0 ? branches.size : totals.BRF,
    branchesCovered:
      branches.size > 0 ? covered(branches) : Math.min(totals.BRH, totals.BRF),
  };
}

function isTotalKey(key: string): key is (typeof TOTAL_KEYS)[number] {
  return (TOTAL_KEYS as readonly string[]).includes(key);
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function refusal(options: {
  index: number;
  line: string;
  problem: string;
}): EvidenceRefusedError {
  const { index, line, problem } = options;
  const quoted =
    line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 1)}…` : line;
  return new EvidenceRefusedError(
    `not a valid lcov report: line ${index + 1} ("${quoted}") ${problem}`,
  );
}
