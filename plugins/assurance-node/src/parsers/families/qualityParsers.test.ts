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
  EvidenceFormat,
  EvidenceSummary,
  MAX_COVERAGE_FILES,
  MAX_LISTED_ITEMS,
} from '@real-app-forever/plugin-assurance-common';
import { defaultParsers, parseEvidence } from '../parseEvidence';
import {
  listCorpusFiles,
  readCorpusFile,
  refusalOf,
} from '../__testUtils__/corpus';
import { qualityParsers } from './qualityParsers';

const parsers = [...new Set([...defaultParsers, ...qualityParsers])];

/** The format of each corpus file of the quality families. */
function formatOf(name: string): EvidenceFormat | undefined {
  const [family, file] = name.split('/');
  switch (family) {
    case 'tap':
      return 'tap';
    case 'eslint-json':
      return 'eslint-json';
    case 'scorecard':
      return 'scorecard-json';
    case 'coverage':
      return file.startsWith('lcov-') ? 'lcov' : 'cobertura-xml';
    default:
      return undefined;
  }
}

const allFiles = listCorpusFiles();
const files = allFiles.filter(name => formatOf(name));
const otherFiles = allFiles.filter(name => !formatOf(name));

function parse(name: string) {
  return parseEvidence({
    parsers,
    fileName: name.split('/')[1],
    bytes: readCorpusFile(name),
  });
}

function textOf(name: string) {
  return {
    fileName: name,
    text: readCorpusFile(name)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  };
}

describe('the quality corpus', () => {
  it('holds all files of the four families', () => {
    // tap 12, eslint-json 3, coverage 8, scorecard 5 (SOURCES.md).
    expect(files).toHaveLength(28);
  });

  it.each(files)('%s is claimed by its parser alone', name => {
    const input = textOf(name);
    const claims = parsers.filter(p => p.detect(input)).map(p => p.format);
    expect(claims).toEqual([formatOf(name)]);
  });

  it.each(files)('%s parses by detection', name => {
    const { format, summary } = parse(name);
    expect(format).toBe(formatOf(name));
    expect(
      qualityParsers.find(p => p.format === format)!.parse(textOf(name)),
    ).toEqual(summary);
    expectConsistent(summary);
  });

  it.each(otherFiles)('%s is not claimed by a quality parser', name => {
    const input = textOf(name);
    expect(qualityParsers.filter(p => p.detect(input))).toEqual([]);
  });

  const crossReads = files.flatMap(name =>
    qualityParsers
      .filter(p => p.format !== formatOf(name))
      .map(p => ({ name, format: p.format })),
  );
  it.each(crossReads)('$name as $format is refused', ({ name, format }) => {
    const refusal = refusalOf(() =>
      parseEvidence({
        parsers,
        fileName: name,
        bytes: readCorpusFile(name),
        format,
      }),
    );
    expect(refusal.message).not.toMatch(/could not read the file/);
  });
});

// Facts checked by hand against the files, as each comment says; the
// parsers' output was compared with these numbers, not the other way round.
describe('TAP corpus facts', () => {
  it('bailout.tap', () => {
    // 1..5, ok 1-3, then "Bail out!  GERONIMMMOOOOOO!!!": reading stops,
    // so ok 4 and ok 5 are not counted and the plan is not checked.
    expect(parse('tap/bailout.tap').summary).toEqual({
      kind: 'tests',
      total: 4,
      passed: 3,
      failed: 0,
      errored: 1,
      skipped: 0,
      failures: [{ name: 'Bail out! GERONIMMMOOOOOO!!!', type: 'error' }],
    });
  });

  it('not-ok-todo.tap and skip-directives-escaped-hash.tap', () => {
    // ok 1, "not ok 2 ... # TODO", ok 3, ok 4, plan 1..4 at the end.
    expect(parse('tap/not-ok-todo.tap').summary).toMatchObject({
      total: 4,
      passed: 3,
      failed: 0,
      skipped: 1,
    });
    // 1..5: ok 2 "# skip" and ok 5 "#sKiPpPyYy" skip; ok 3 "\#skip" is
    // escaped and ok 4 "testTitle#skip" has no space before the #.
    expect(parse('tap/skip-directives-escaped-hash.tap').summary).toMatchObject(
      { total: 5, passed: 3, skipped: 2 },
    );
  });

  it('tap14-nested-subtests-todo.tap', () => {
    // Leaves: 2 plain oks ("true is truthy", "ten is also truthy") and 7
    // "# TODO" oks (2 + 2 + 3); the 4 lines that close subtests are not
    // counted.
    expect(parse('tap/tap14-nested-subtests-todo.tap').summary).toMatchObject({
      total: 9,
      passed: 2,
      failed: 0,
      skipped: 7,
    });
  });

  it('node-tap-own-suite-nested-comments.tap', () => {
    // grep: 306 lines start "ok", 5 "not ok" (lines 314, 345, 371, 396,
    // 424); 5 have "# SKIP" and 4 "# TODO", all on ok lines; plan 1..311.
    // node-tap's own footer agrees: pass 297, fail 5, skip 5, todo 4.
    const { summary } = parse('tap/node-tap-own-suite-nested-comments.tap');
    expect(summary).toMatchObject({
      total: 311,
      passed: 297,
      failed: 5,
      errored: 0,
      skipped: 9,
    });
  });

  it('nf-test-failures-yaml-block.tap', () => {
    // 1..2, both "not ok", each with a YAML block whose failure: is
    // "Assertion failed: \n\n1 of 2 assertions failed\n".
    const { summary } = parse('tap/nf-test-failures-yaml-block.tap');
    expect(summary).toMatchObject({ total: 2, failed: 2 });
    expect(summary.kind === 'tests' && summary.failures[1]).toEqual({
      name: 'Test Process SIMPLEAF_QUANT: test_simpleaf_quant stub',
      type: 'failure',
      message: 'Assertion failed: \n\n1 of 2 assertions failed',
    });
  });
});

describe('ESLint corpus facts', () => {
  it('eslint-security-plugin-with-source.json', () => {
    // 3 file entries; only basketItems.js has messages: severity 2 at
    // 19:11 and severity 1 at 20:25 (its errorCount of 6 is not read).
    expect(
      parse('eslint-json/eslint-security-plugin-with-source.json').summary,
    ).toMatchObject({
      total: 2,
      byLevel: { error: 1, warning: 1, note: 0, none: 0 },
      suppressed: 0,
      ruleIds: ['security/detect-object-injection'],
      results: [
        { level: 'error', location: 'basketItems.js:19:11' },
        { level: 'warning', location: 'basketItems.js:20:25' },
      ],
    });
  });

  it('eslint-9-tmx-suppressedMessages.json', () => {
    // grep: '"severity":2' 3 times, '"severity":1' 14 times, no
    // '"fatal":true', every suppressedMessages is []. Five rule ids.
    const { summary } = parse(
      'eslint-json/eslint-9-tmx-suppressedMessages.json',
    );
    expect(summary).toMatchObject({
      total: 17,
      byLevel: { error: 3, warning: 14 },
      suppressed: 0,
    });
    expect(summary.kind === 'static-analysis' && summary.ruleIds).toHaveLength(
      5,
    );
  });

  it('eslint-no-findings.json', () => {
    // One file entry with "messages": [].
    expect(parse('eslint-json/eslint-no-findings.json').summary).toMatchObject({
      total: 0,
      results: [],
    });
  });
});

describe('coverage corpus facts', () => {
  it('lcov-cpp-windows-paths.info', () => {
    // 3 records: sub\calculator.cpp 4 DA all hit, main.cpp 11 DA with
    // DA:5,0 and DA:8,0, calculator.cpp 4 DA all hit; no BRDA.
    const { summary } = parse('coverage/lcov-cpp-windows-paths.info');
    expect(summary).toMatchObject({
      linesCovered: 17,
      linesValid: 19,
      branchRate: null,
    });
    // Lowest line rate first, then by path.
    expect(
      summary.kind === 'coverage' &&
        summary.files.map(f => [f.path, f.linesCovered, f.linesValid]),
    ).toEqual([
      ['C:\\temp\\main.cpp', 9, 11],
      ['C:\\temp\\calculator.cpp', 4, 4],
      ['C:\\temp\\sub\\calculator.cpp', 4, 4],
    ]);
  });

  it('lcov-istanbul-js.info and lcov-coverlet-csharp.info', () => {
    // 21 + 17 DA, all hit; BRDA taken 1,0,3,0,3,0 and 0,1,1,1: 6 of 10.
    expect(parse('coverage/lcov-istanbul-js.info').summary).toMatchObject({
      linesCovered: 38,
      linesValid: 38,
      branchesCovered: 6,
      branchesValid: 10,
    });
    // awk over distinct SF+DA line pairs: 184 lines, 118 hit; distinct
    // BRDA: 8, 5 taken. (Duplicate DA lines such as DA:46,0 twice are
    // counted once.)
    expect(parse('coverage/lcov-coverlet-csharp.info').summary).toMatchObject({
      linesCovered: 118,
      linesValid: 184,
      branchesCovered: 5,
      branchesValid: 8,
    });
  });

  it('cobertura-2.1.1-java-multisource-doctype.xml', () => {
    // The DTD DOCTYPE is dropped unread. Class lines, distinct by
    // filename+number: 36 lines, 24 hit, one branch line "25% (1/4)";
    // the root's attributes say the same. 8 classes in 7 files.
    const { summary } = parse(
      'coverage/cobertura-2.1.1-java-multisource-doctype.xml',
    );
    expect(summary).toMatchObject({
      linesCovered: 24,
      linesValid: 36,
      branchesCovered: 1,
      branchesValid: 4,
    });
    expect(summary.kind === 'coverage' && summary.files).toHaveLength(7);
  });

  it('cobertura-gcovr-8.6-cpp.xml', () => {
    // 30 class <line>s, but lines 10, 11, 26, 27, 42 and 43 appear twice
    // (hits 0 and hits > 0, two destructor variants): 24 distinct lines,
    // only line 66 never hit. The root says 23 of 30 because it counts
    // the repeats. Six branch lines of "50% (3/6)": 18 of 36.
    expect(parse('coverage/cobertura-gcovr-8.6-cpp.xml').summary).toMatchObject(
      {
        linesCovered: 23,
        linesValid: 24,
        branchesCovered: 18,
        branchesValid: 36,
      },
    );
  });

  it('cobertura-istanbul-large.xml and cobertura-coveragepy-5.0-branch.xml', () => {
    // 11340 class lines, 1452 hit, every one branch="false": branches come
    // from the root (235 of 2949). 156 classes, one file each.
    const { summary } = parse('coverage/cobertura-istanbul-large.xml');
    expect(summary).toMatchObject({
      linesCovered: 1452,
      linesValid: 11340,
      branchesCovered: 235,
      branchesValid: 2949,
    });
    expect(summary.kind === 'coverage' && summary.files).toHaveLength(156);
    // Lines 1, 2, 3, 5, 7; only 5 has hits="0"; line 2 is "50% (1/2)".
    expect(
      parse('coverage/cobertura-coveragepy-5.0-branch.xml').summary,
    ).toMatchObject({
      lineRate: 0.8,
      branchRate: 0.5,
      files: [{ path: 'y.py', linesCovered: 4, linesValid: 5 }],
    });
  });
});

describe('Scorecard corpus facts', () => {
  it('scorecard-format-test-inconclusive-minus-one.json', () => {
    // "score":0; three checks scored 0, 0 and -1.
    expect(
      parse('scorecard/scorecard-format-test-inconclusive-minus-one.json')
        .summary,
    ).toEqual({
      kind: 'posture',
      tool: 'OpenSSF Scorecard',
      score: 0,
      repository: 'org/name',
      checks: [
        { name: 'Check-Name', score: 0, reason: 'min result reason' },
        { name: 'Check-Name2', score: 0, reason: 'min result reason' },
        { name: 'Check-Name3', score: null, reason: 'inconclusive reason' },
      ],
    });
  });

  it('scorecard-4.1.0-ossf-scorecard-pretty.json', () => {
    // "score":8.4, 18 checks; Dangerous-Workflow is 0, Pinned-Dependencies 9.
    const { summary } = parse(
      'scorecard/scorecard-4.1.0-ossf-scorecard-pretty.json',
    );
    expect(summary).toMatchObject({
      score: 8.4,
      repository: 'github.com/ossf/scorecard',
    });
    const checks = summary.kind === 'posture' ? summary.checks : [];
    expect(checks).toHaveLength(18);
    expect(checks.find(c => c.name === 'Pinned-Dependencies')?.score).toBe(9);
  });

  it('scorecard-v4.3.1-results.json and scorecard-v4.8.0-results.json', () => {
    // v4.3.1: score 5.8, 19 checks, -1 for Packaging, Signed-Releases and
    // Webhooks. v4.8.0: score 4.1, 18 checks, -1 for CI-Tests, Packaging
    // and Signed-Releases.
    for (const [name, score, inconclusive] of [
      ['v4.3.1', 5.8, ['Packaging', 'Signed-Releases', 'Webhooks']],
      ['v4.8.0', 4.1, ['CI-Tests', 'Packaging', 'Signed-Releases']],
    ] as const) {
      const { summary } = parse(`scorecard/scorecard-${name}-results.json`);
      const checks = summary.kind === 'posture' ? summary.checks : [];
      expect(summary).toMatchObject({ score });
      expect(checks.filter(c => c.score === null).map(c => c.name)).toEqual(
        inconclusive,
      );
    }
  });
});

/** Invariants every summary of these families must keep. */
function expectConsistent(summary: EvidenceSummary) {
  switch (summary.kind) {
    case 'tests':
      expect(
        summary.passed + summary.failed + summary.errored + summary.skipped,
      ).toBe(summary.total);
      expect(summary.failures).toHaveLength(
        Math.min(summary.failed + summary.errored, MAX_LISTED_ITEMS),
      );
      break;
    case 'static-analysis': {
      const { error, warning, note, none } = summary.byLevel;
      expect(error + warning + note + none).toBe(summary.total);
      expect(summary.results).toHaveLength(
        Math.min(summary.total, MAX_LISTED_ITEMS),
      );
      break;
    }
    case 'coverage': {
      expect(summary.linesCovered).toBeLessThanOrEqual(summary.linesValid);
      expect(summary.branchesCovered).toBeLessThanOrEqual(
        summary.branchesValid,
      );
      expect(summary.files.length).toBeLessThanOrEqual(MAX_COVERAGE_FILES);
      const rates = summary.files.map(file => file.lineRate ?? Infinity);
      expect(rates).toEqual([...rates].sort((a, b) => a - b));
      break;
    }
    case 'posture':
      for (const check of summary.checks) {
        expect(check.score === null || check.score >= 0).toBe(true);
      }
      break;
    default:
      throw new Error(`unexpected summary kind ${summary.kind}`);
  }
}
