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

import { CoverageSummary } from '@real-app-forever/plugin-assurance-common';
import fs from 'fs';
import { coberturaParser, COBERTURA_DOCTYPE } from './cobertura';
import { parseSafeXml } from './safeXml';
import { refusalOf } from './__testUtils__/corpus';

const DTD = 'http://cobertura.sourceforge.net/xml/coverage-04.dtd';
const DOCTYPE_REFUSAL = /^XML with a DOCTYPE is refused/;

function parseCobertura(text: string): CoverageSummary {
  const summary = coberturaParser.parse({ fileName: 'coverage.xml', text });
  if (summary.kind !== 'coverage') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

function report(options: { doctype?: string; classes?: string } = {}) {
  return `<?xml version="1.0"?>
${options.doctype ?? ''}
<coverage lines-valid="9" lines-covered="3" branches-valid="8" branches-covered="2">
  <packages><package name="p"><classes>${
    options.classes ?? ''
  }</classes></package></packages>
</coverage>`;
}

describe('coberturaParser', () => {
  it('counts class lines once per file and reads condition coverage', () => {
    const summary = parseCobertura(
      report({
        classes: `
        <class name="A" filename="src/a.py">
          <methods><method name="m"><lines><line number="9" hits="1"/></lines></method></methods>
          <lines>
            <line number="1" hits="1"/>
            <line number="2" hits="0" branch="true" condition-coverage="50% (1/2)"/>
          </lines>
        </class>
        <class name="A$Inner" filename="src/a.py">
          <lines><line number="2" hits="4" branch="True" condition-coverage="100% (2/2)"/></lines>
        </class>
        <class name="B" filename="src/b.py"><lines/></class>`,
      }),
    );
    expect(summary).toEqual({
      kind: 'coverage',
      lineRate: 1,
      branchRate: 1,
      linesCovered: 2,
      linesValid: 2,
      branchesCovered: 2,
      branchesValid: 2,
      files: [
        {
          path: 'src/a.py',
          lineRate: 1,
          branchRate: 1,
          linesCovered: 2,
          linesValid: 2,
        },
        {
          path: 'src/b.py',
          lineRate: null,
          branchRate: null,
          linesCovered: 0,
          linesValid: 0,
        },
      ],
    });
  });

  it("falls back to the root's counts without lines or conditions", () => {
    expect(parseCobertura(report())).toEqual({
      kind: 'coverage',
      lineRate: 3 / 9,
      branchRate: 0.25,
      linesCovered: 3,
      linesValid: 9,
      branchesCovered: 2,
      branchesValid: 8,
      files: [],
    });
    const istanbul = parseCobertura(
      report({
        classes: `<class filename="a.ts"><lines><line number="1" hits="1" branch="false"/></lines></class>`,
      }),
    );
    expect(istanbul).toMatchObject({
      linesValid: 1,
      branchesValid: 8,
      branchesCovered: 2,
    });
  });

  it('refuses lines without numbers and other root elements', () => {
    expect(
      refusalOf(() =>
        parseCobertura(
          report({
            classes: `<class filename="a.ts"><lines><line number="x" hits="1"/></lines></class>`,
          }),
        ),
      ).message,
    ).toBe(
      'not a valid Cobertura XML report: a <line> of "a.ts" lacks a numeric number or hits attribute',
    );
    expect(refusalOf(() => parseCobertura('<report/>')).message).toMatch(
      /^not a Cobertura XML report: the root element is <report>/,
    );
  });

  it.each([
    ['<?xml version="1.0"?>\n<coverage line-rate="1">', true],
    [`<!-- gen -->\n<!DOCTYPE coverage SYSTEM "${DTD}">\n<coverage>`, true],
    ['<testsuite><coverage/></testsuite>', false],
    ['<coveragereport/>', false],
  ])('detect(%j) is %s', (text, expected) => {
    expect(coberturaParser.detect({ fileName: 'c.xml', text })).toBe(expected);
  });
});

describe('the Cobertura DOCTYPE', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('is dropped unread when it only names the Cobertura DTD', () => {
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    for (const doctype of [
      `<!DOCTYPE coverage SYSTEM "${DTD}">`,
      `<!DOCTYPE coverage SYSTEM '${DTD}'>`,
    ]) {
      expect(parseCobertura(report({ doctype })).linesValid).toBe(9);
    }
    expect(readFileSync).not.toHaveBeenCalled();
  });

  it.each([
    [`<!DOCTYPE coverage SYSTEM "${DTD}" [<!ENTITY x "y">]>`],
    [`<!DOCTYPE coverage SYSTEM "${DTD}" []>`],
    [`<!DOCTYPE coverage SYSTEM "file:///etc/passwd">`],
    [`<!DOCTYPE coverage PUBLIC "-//x//EN" "${DTD}">`],
    [`<!DOCTYPE report SYSTEM "${DTD}">`],
    [`<!DOCTYPE coverage SYSTEM "${DTD}">\n<!ENTITY x "y">`],
    [
      `<!DOCTYPE coverage SYSTEM "${DTD}">\n<!DOCTYPE coverage SYSTEM "${DTD}">`,
    ],
  ])('still refuses %s', doctype => {
    expect(
      refusalOf(() => parseCobertura(report({ doctype }))).message,
    ).toMatch(DOCTYPE_REFUSAL);
  });

  it('is refused by parseSafeXml unless the caller allows it', () => {
    const text = `<!DOCTYPE coverage SYSTEM "${DTD}"><coverage/>`;
    expect(
      refusalOf(() => parseSafeXml({ text, arrayTags: [] })).message,
    ).toMatch(DOCTYPE_REFUSAL);
    expect(
      parseSafeXml({
        text,
        arrayTags: [],
        allowedDoctypes: [COBERTURA_DOCTYPE],
      }),
    ).toEqual({ coverage: '' });
  });

  it('keeps line numbers in well-formedness errors', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE coverage SYSTEM\n  "${DTD}">\n<coverage>\n<a></coverage>`;
    expect(refusalOf(() => parseCobertura(text)).message).toMatch(
      /\(line 5\)$/,
    );
  });
});
