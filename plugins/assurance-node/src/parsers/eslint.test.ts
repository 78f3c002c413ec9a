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
  StaticAnalysisSummary,
} from '@real-app-forever/plugin-assurance-common';
import { eslintJsonParser } from './eslint';
import { refusalOf } from './__testUtils__/corpus';

function parseEslint(report: unknown): StaticAnalysisSummary {
  const summary = eslintJsonParser.parse({
    fileName: 'eslint.json',
    text: JSON.stringify(report),
  });
  if (summary.kind !== 'static-analysis') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

const warning = {
  ruleId: 'no-unused-vars',
  severity: 1,
  message: "'x' is defined but never used.",
  line: 3,
  column: 7,
};

describe('eslintJsonParser', () => {
  it('reads levels, fatal errors and suppressed messages', () => {
    const summary = parseEslint([
      {
        filePath: '/repo/src/a.js',
        messages: [
          warning,
          {
            ruleId: null,
            fatal: true,
            severity: 2,
            message: 'Parsing error: Unexpected token',
            line: 9,
            column: 1,
          },
        ],
        suppressedMessages: [{ ...warning, suppressions: [] }],
        errorCount: 1,
        warningCount: 1,
      },
      { filePath: '/repo/lib/b.js', messages: [{ ...warning, line: 1 }] },
    ]);

    expect(summary).toEqual({
      kind: 'static-analysis',
      tools: ['ESLint'],
      total: 3,
      byLevel: { error: 1, warning: 2, note: 0, none: 0 },
      suppressed: 1,
      ruleIds: ['no-unused-vars'],
      results: [
        {
          ruleId: undefined,
          level: 'error',
          message: 'Parsing error: Unexpected token',
          location: 'src/a.js:9:1',
        },
        {
          ruleId: 'no-unused-vars',
          level: 'warning',
          message: "'x' is defined but never used.",
          location: 'src/a.js:3:7',
        },
        {
          ruleId: 'no-unused-vars',
          level: 'warning',
          message: "'x' is defined but never used.",
          location: 'lib/b.js:1:7',
        },
      ],
    });
  });

  it('makes Windows paths relative and keeps relative paths', () => {
    const windows = parseEslint([
      { filePath: 'C:\\work\\app\\x.ts', messages: [warning] },
      { filePath: 'C:\\work\\app\\y\\z.ts', messages: [] },
    ]);
    expect(windows.results[0].location).toBe('x.ts:3:7');
    const relative = parseEslint([
      { filePath: 'src/x.ts', messages: [{ ...warning, line: undefined }] },
    ]);
    expect(relative.results[0].location).toBe('src/x.ts');
  });

  it('lists at most MAX_LISTED_ITEMS results but counts them all', () => {
    const summary = parseEslint([
      { filePath: '/a/b/c.js', messages: Array(70).fill(warning) },
    ]);
    expect(summary.total).toBe(70);
    expect(summary.results).toHaveLength(MAX_LISTED_ITEMS);
  });

  it('reads an empty array as a clean report when named', () => {
    expect(parseEslint([]).total).toBe(0);
  });

  it('refuses a broken shape with the field that is wrong', () => {
    expect(
      refusalOf(() => parseEslint([{ filePath: '/a.js' }])).message,
    ).toMatch(/^not an ESLint JSON report: 0\.messages: /);
    expect(
      refusalOf(() =>
        parseEslint([
          { filePath: '/a.js', messages: [{ ...warning, severity: 3 }] },
        ]),
      ).message,
    ).toMatch(/0\.messages\.0\.severity/);
    expect(refusalOf(() => parseEslint({ results: [] })).message).toMatch(
      /^not an ESLint JSON report: /,
    );
  });

  it.each([
    ['[]', false],
    ['[{"filePath": "/a.js", "messages": []}]', true],
    ['[{"RuleID": "aws-key", "File": "a.js"}]', false],
    ['[{"filePath": "/a.js", "messages": []}, {"File": "b"}]', false],
    ['{"filePath": "/a.js", "messages": []}', false],
    ['[{"filePath": ', false],
  ])('detect(%s) is %s', (text, expected) => {
    expect(eslintJsonParser.detect({ fileName: 'x.json', text })).toBe(
      expected,
    );
  });
});
