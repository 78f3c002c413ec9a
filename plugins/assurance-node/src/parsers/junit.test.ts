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

import { MAX_LISTED_ITEMS } from '@real-app-forever/plugin-assurance-common';
import { junitParser } from './junit';
import { parseText, refusalOf } from './__testUtils__/corpus';

function parseJunit(text: string) {
  return junitParser.parse({ fileName: 'report.xml', text });
}

describe('junitParser', () => {
  it('counts cases in suites nested inside suites', () => {
    const summary = parseJunit(`
      <testsuites>
        <testsuite name="outer">
          <testcase name="a"/>
          <testsuite name="inner">
            <testcase name="b" classname="B"><failure message="boom"/></testcase>
            <testsuite name="innermost"><testcase name="c"/></testsuite>
          </testsuite>
        </testsuite>
      </testsuites>`);
    expect(summary).toMatchObject({ total: 3, passed: 2, failed: 1 });
    expect(summary).toHaveProperty('failures', [
      {
        name: 'b',
        classname: 'B',
        suite: 'inner',
        type: 'failure',
        message: 'boom',
      },
    ]);
  });

  it('names the suites that hold test cases, each once', () => {
    const summary = parseJunit(`
      <testsuites name="integration">
        <testsuite name="PaymentIT"><testcase name="a"/></testsuite>
        <testsuite name="Empty"/>
        <testsuite name="PaymentIT"><testcase name="b"/></testsuite>
        <testsuite><testcase name="c"/></testsuite>
      </testsuites>`);
    expect(summary).toMatchObject({
      total: 3,
      suites: ['PaymentIT', 'integration'],
    });
    expect(
      parseJunit('<testsuite><testcase name="a"/></testsuite>'),
    ).not.toHaveProperty('suites');
  });

  it('tells errors from failures, and an error wins over a failure', () => {
    const summary = parseJunit(`
      <testsuite name="s">
        <testcase name="failing"><failure type="AssertionError">expected 1
          got 2</failure></testcase>
        <testcase name="erroring"><error message="NullPointerException"/></testcase>
        <testcase name="both"><failure message="f"/><error message="e"/></testcase>
      </testsuite>`);
    expect(summary).toMatchObject({ total: 3, failed: 1, errored: 2 });
    expect(summary).toHaveProperty('failures', [
      { name: 'failing', suite: 's', type: 'failure', message: 'expected 1' },
      {
        name: 'erroring',
        suite: 's',
        type: 'error',
        message: 'NullPointerException',
      },
      { name: 'both', suite: 's', type: 'error', message: 'e' },
    ]);
  });

  it('counts <skipped>, status="disabled" and disabled="true" as skipped', () => {
    const summary = parseJunit(`
      <testsuite>
        <testcase name="a"><skipped message="later"/></testcase>
        <testcase name="b" status="disabled"/>
        <testcase name="c" status="notrun" result="suppressed"/>
        <testcase name="d" disabled="true"/>
        <testcase name="e" status="run"/>
      </testsuite>`);
    expect(summary).toMatchObject({ total: 5, passed: 1, skipped: 4 });
  });

  it('reads a failing status without a child element as a failure', () => {
    const summary = parseJunit(`
      <testsuite>
        <testcase name="a" status="failed"/>
        <testcase name="b" status="errored"/>
      </testsuite>`);
    expect(summary).toMatchObject({ total: 2, failed: 1, errored: 1 });
  });

  it('counts the cases, not the suite attributes that disagree with them', () => {
    const summary = parseJunit(`
      <testsuites tests="100" failures="40" errors="7" skipped="3">
        <testsuite name="s" tests="50" failures="20" errors="0">
          <testcase name="a"/>
          <testcase name="b"><failure/></testcase>
        </testsuite>
        <testsuite name="claims-but-lists-nothing" tests="12" failures="2"/>
      </testsuites>`);
    expect(summary).toMatchObject({
      total: 2,
      passed: 1,
      failed: 1,
      errored: 0,
      skipped: 0,
    });
  });

  it('parses a report without test cases to a total of 0', () => {
    expect(parseJunit('<testsuites/>')).toMatchObject({ total: 0 });
    expect(parseJunit('<testsuite name="x" tests="3"></testsuite>')).toEqual({
      kind: 'tests',
      total: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 0,
      failures: [],
    });
  });

  it('keeps the first line of the body, cut to 500 characters', () => {
    const long = 'x'.repeat(600);
    const summary = parseJunit(`
      <testsuite>
        <testcase name="a"><failure message="   ">

          first line
          second line</failure></testcase>
        <testcase name="b"><failure message="${long}"/></testcase>
      </testsuite>`);
    expect(summary).toHaveProperty(['failures', 0, 'message'], 'first line');
    expect(summary).toHaveProperty(['failures', 1, 'message', 'length'], 500);
  });

  it(`lists at most ${MAX_LISTED_ITEMS} failures but counts them all`, () => {
    const cases = Array.from(
      { length: 70 },
      (_, i) => `<testcase name="t${i}"><failure/></testcase>`,
    ).join('');
    const summary = parseJunit(`<testsuite>${cases}</testsuite>`);
    expect(summary).toMatchObject({ total: 70, failed: 70 });
    expect(summary).toHaveProperty('failures.length', MAX_LISTED_ITEMS);
  });

  it('decodes predefined entities and character references once', () => {
    const summary = parseJunit(
      '<testsuite><testcase name="a &amp;lt; b&#x9;&#65;"><failure message="&lt;&gt;&quot;&apos;&amp;"/></testcase></testsuite>',
    );
    expect(summary).toHaveProperty('failures', [
      { name: 'a &lt; b\tA', type: 'failure', message: `<>"'&` },
    ]);
  });

  it('refuses a document whose root is not a test suite', () => {
    expect(
      refusalOf(() => parseJunit('<report><testsuite/></report>')).message,
    ).toBe(
      'not a JUnit XML report: the root element is <report>, expected <testsuites> or <testsuite>',
    );
  });

  it('refuses malformed XML with the line of the fault', () => {
    expect(
      refusalOf(() =>
        parseJunit('<testsuites>\n<testsuite>\n<testcase></testsuite>'),
      ).message,
    ).toMatch(/^the XML is not well-formed: .*\(line 3\)$/);
  });

  it('detects JUnit XML only in markup that mentions <testsuite', () => {
    const detect = (text: string) =>
      junitParser.detect({ fileName: 'x', text });
    expect(detect('<?xml version="1.0"?><testsuites/>')).toBe(true);
    expect(detect('{"message": "<testsuite"}')).toBe(false);
    expect(detect('<coverage/>')).toBe(false);
  });

  it('is found by detection among the default parsers', () => {
    expect(parseText('<testsuite><testcase name="a"/></testsuite>')).toEqual({
      format: 'junit',
      summary: expect.objectContaining({ total: 1, passed: 1 }),
    });
  });
});
