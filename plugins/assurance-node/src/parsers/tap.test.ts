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
  MAX_LISTED_ITEMS,
  TestReportSummary,
} from '@real-app-forever/plugin-assurance-common';
import { tapParser } from './tap';
import { parseTestPoint } from './tapLines';
import { refusalOf } from './__testUtils__/corpus';

function parseTap(lines: string[]): TestReportSummary {
  const summary = tapParser.parse({
    fileName: 'run.tap',
    text: lines.join('\n'),
  });
  if (summary.kind !== 'tests') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

function counts(summary: TestReportSummary) {
  const { total, passed, failed, errored, skipped } = summary;
  return { total, passed, failed, errored, skipped };
}

describe('parseTestPoint', () => {
  it.each([
    ['ok', { ok: true, description: '' }],
    ['not ok 12 - adds # TODO later', { ok: false, number: 12 }],
    ['ok 2 # skip rain', { description: '', directive: 'skip' }],
    ['ok 3 #SKIPPED no db', { directive: 'skip' }],
    ['ok 4 - a \\# b', { description: 'a # b', directive: undefined }],
    ['ok 5 name#skip', { description: 'name#skip', directive: undefined }],
    ['ok 6 - x # time=12ms', { description: 'x', directive: undefined }],
    ['ok 7 - parent {', { description: 'parent', opensBlock: true }],
  ])('reads %s', (line, expected) => {
    expect(parseTestPoint(line)).toMatchObject(expected);
  });

  it('does not read words that start with ok', () => {
    expect(parseTestPoint('okay 1')).toBeUndefined();
    expect(parseTestPoint('ok: true')).toBeUndefined();
  });

  it('ignores numbers that are not safe integers', () => {
    expect(parseTestPoint('ok 99999999999999999999 big')?.number).toBe(
      undefined,
    );
  });
});

describe('tapParser plans', () => {
  it('accepts the plan at the start or the end', () => {
    expect(counts(parseTap(['1..2', 'ok 1', 'not ok 2']))).toEqual({
      total: 2,
      passed: 1,
      failed: 1,
      errored: 0,
      skipped: 0,
    });
    expect(counts(parseTap(['ok 1', 'ok 2', '1..2'])).errored).toBe(0);
  });

  it('counts each missing planned test as errored', () => {
    const summary = parseTap(['1..4', 'ok 1', 'ok 2']);
    expect(counts(summary)).toEqual({
      total: 4,
      passed: 2,
      failed: 0,
      errored: 2,
      skipped: 0,
    });
    expect(summary.failures.map(f => f.name)).toEqual([
      'planned 4, ran 2 (missing 1 of 2)',
      'planned 4, ran 2 (missing 2 of 2)',
    ]);
  });

  it('adds one errored test when more tests ran than planned', () => {
    const summary = parseTap(['1..1', 'ok 1', 'ok 2']);
    expect(counts(summary)).toMatchObject({ total: 3, passed: 2, errored: 1 });
    expect(summary.failures).toEqual([
      {
        name: 'planned 1, ran 2',
        type: 'error',
        message: 'more tests ran than planned',
      },
    ]);
  });

  it('lists at most MAX_LISTED_ITEMS missing tests but counts them all', () => {
    const summary = parseTap(['1..100000', 'ok 1']);
    expect(summary.errored).toBe(99999);
    expect(summary.failures).toHaveLength(MAX_LISTED_ITEMS);
  });

  it('counts a document without a plan as incomplete', () => {
    const summary = parseTap(['ok 1', 'ok 2']);
    expect(counts(summary)).toMatchObject({ total: 3, errored: 1 });
    expect(summary.failures[0].name).toBe('no plan');
  });

  it('reads a skip-all plan as no tests', () => {
    expect(counts(parseTap(['1..0 # SKIP no database']))).toMatchObject({
      total: 0,
      errored: 0,
    });
  });
});

describe('tapParser directives and diagnostics', () => {
  it('counts TODO and SKIP tests as skipped, failing or not', () => {
    const summary = parseTap([
      '1..4',
      'ok 1 # SKIP',
      'not ok 2 # skip',
      'ok 3 # TODO',
      'not ok 4 # TODO not yet',
    ]);
    expect(counts(summary)).toMatchObject({ skipped: 4, failed: 0 });
  });

  it("takes a failure's message from its YAML block", () => {
    const summary = parseTap([
      'TAP version 13',
      '1..4',
      'not ok 1 - plain',
      '  ---',
      '  message: values differ',
      '  at: foo.js:1',
      '  ...',
      'not ok 2 - quoted',
      '  ---',
      '  message: "line one\\nline two"',
      '  ...',
      'not ok 3 - block',
      '  ---',
      '  message: |',
      '    first',
      '    ...',
      '    last',
      '  ...',
      'not ok 4 - structured',
      '  ---',
      '  message:',
      '    - a list',
      '  ...',
    ]);
    expect(summary.failures.map(f => f.message)).toEqual([
      'values differ',
      'line one\nline two',
      'first\n...\nlast',
      undefined,
    ]);
    expect(summary.total).toBe(4);
  });

  it('reads on after a YAML block that never ends', () => {
    const summary = parseTap(['1..2', 'not ok 1', '  ---', '  a: b', 'ok 2']);
    expect(counts(summary)).toMatchObject({ total: 2, passed: 1, failed: 1 });
  });

  it('records Bail out! as an errored test and stops reading', () => {
    const summary = parseTap(['1..9', 'ok 1', 'Bail out! no disk', 'ok 2']);
    expect(counts(summary)).toEqual({
      total: 2,
      passed: 1,
      failed: 0,
      errored: 1,
      skipped: 0,
    });
    expect(summary.failures[0]).toEqual({
      name: 'Bail out! no disk',
      type: 'error',
    });
  });
});

describe('tapParser subtests', () => {
  it('counts the leaves of indented subtests, naming their suites', () => {
    const summary = parseTap([
      'TAP version 14',
      '    # Subtest: outer',
      '        # Subtest: inner',
      '        not ok 1 - deep',
      '        1..1',
      '    not ok 1 - inner',
      '    ok 2 - sibling',
      '    1..2',
      'not ok 1 - outer',
      '1..1',
    ]);
    expect(counts(summary)).toEqual({
      total: 2,
      passed: 1,
      failed: 1,
      errored: 0,
      skipped: 0,
    });
    expect(summary.failures).toEqual([
      { name: 'deep', suite: 'outer > inner', type: 'failure' },
    ]);
    expect(summary.suites).toEqual(['outer', 'inner']);
  });

  it('names no suites without subtests, nor skipped subtests', () => {
    expect(parseTap(['1..1', 'ok 1 - alone']).suites).toBeUndefined();
    const skipped = parseTap([
      '    ok 1 - a',
      '    1..1',
      'ok 1 - smoke # SKIP no staging',
      '1..1',
    ]);
    expect(skipped.suites).toBeUndefined();
  });

  it('reads buffered subtests in braces', () => {
    const summary = parseTap([
      '1..2',
      'ok 1 - group {',
      '    1..2',
      '    ok 1 - a',
      '    ok 2 - b',
      '}',
      'ok 2 - alone',
    ]);
    expect(counts(summary)).toMatchObject({ total: 3, passed: 3 });
  });

  it("lets a subtest's plan error stand for its failing summary", () => {
    const summary = parseTap([
      '    ok 1 - a',
      '    1..2',
      'not ok 1 - group',
      '  ---',
      '  message: child plan not met',
      '  ...',
      '1..1',
    ]);
    expect(counts(summary)).toMatchObject({ total: 2, passed: 1, errored: 1 });
    expect(summary.failed).toBe(0);
    expect(summary.failures[0].name).toBe('planned 2, ran 1 (missing 1 of 1)');
  });

  it('counts a failing subtest summary when its subtest shows no failure', () => {
    const summary = parseTap([
      '    ok 1 - a',
      'not ok 1 - group',
      '  ---',
      '  message: exited with 1',
      '  ...',
      '1..1',
    ]);
    expect(counts(summary)).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(summary.failures).toEqual([
      { name: 'group', type: 'failure', message: 'exited with 1' },
    ]);
  });

  it('turns a TODO subtest into skipped tests', () => {
    const summary = parseTap([
      '    not ok 1 - a',
      '    ok 2 - b',
      '    1..2',
      'not ok 1 - later # TODO',
      '1..1',
    ]);
    expect(counts(summary)).toMatchObject({ total: 2, skipped: 2 });
  });
});

describe('tapParser detection and refusals', () => {
  it.each([
    ['TAP version 14\n1..0', true],
    ['# comment\n1..3\nok 1', true],
    ['not ok 1 - x', true],
    ['[{"ok": 1}]', false],
    ['<testsuite>\nok 1\n</testsuite>', false],
    ['TN:\nSF:a.js\nend_of_record', false],
    ['okay then', false],
  ])('detect(%j) is %s', (text, expected) => {
    expect(tapParser.detect({ fileName: 'x', text })).toBe(expected);
  });

  it('refuses text with no TAP line', () => {
    expect(
      refusalOf(() =>
        tapParser.parse({ fileName: 'x', text: 'hello\n# just a comment' }),
      ).message,
    ).toMatch(/^not TAP output: no test point/);
  });
});
