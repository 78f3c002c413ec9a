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
  MAX_SUITE_NAMES,
  TestReportSummary,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser, EvidenceRefusedError } from '../types';
import { clipMessage, firstLine } from './parserUtils';
import { parseSafeXml, XmlNode } from './safeXml';
import { xmlAttribute, xmlChildren, xmlRoot, xmlText } from './xmlNodes';

type Outcome = 'passed' | 'failed' | 'errored' | 'skipped';

type Tally = Omit<TestReportSummary, 'kind'>;

const ARRAY_TAGS = [
  'testsuites',
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
];

// Values of a testcase's `status` (or googletest's `result`) attribute that
// some reporters use instead of, or next to, child elements.
const SKIPPED_STATUSES = new Set([
  'skipped',
  'skip',
  'disabled',
  'notrun',
  'not_run',
  'ignored',
  'pending',
  'suppressed',
]);
const FAILED_STATUSES = new Set(['failed', 'fail', 'failure']);
const ERRORED_STATUSES = new Set(['errored', 'error']);

/**
 * Reads JUnit XML test reports: a root `<testsuites>` or `<testsuite>`,
 * suites nested to any depth, and `<testcase>` elements with `<failure>`,
 * `<error>` or `<skipped>` children.
 *
 * All counts come from the test cases themselves. The `tests`, `failures`,
 * `errors` and `skipped` attributes of suites are ignored: producers often
 * get them wrong (mocha's root totals, outer suites that count the cases
 * of their nested suites again), and a suite that claims tests but lists no `<testcase>` gives us
 * nothing we can check, so it adds nothing to the counts. A report without
 * any test case parses to a total of 0, and the gate decides what that means.
 */
export const junitParser: EvidenceParser = {
  format: 'junit',

  detect: ({ text }) =>
    text.trimStart().startsWith('<') && text.includes('<testsuite'),

  parse: ({ text }) => {
    const document = parseSafeXml({ text, arrayTags: ARRAY_TAGS });
    const root = xmlRoot(document);
    if (root.name !== 'testsuites' && root.name !== 'testsuite') {
      throw new EvidenceRefusedError(
        `not a JUnit XML report: the root element is <${root.name}>, expected <testsuites> or <testsuite>`,
      );
    }

    const tally: Tally = {
      total: 0,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 0,
      failures: [],
    };
    collectSuite({ node: root.node, suite: undefined, tally });
    return { kind: 'tests', ...tally };
  },
};

/** Counts the suite's cases; returns whether it holds any, nested or not. */
function collectSuite(options: {
  node: XmlNode;
  suite: string | undefined;
  tally: Tally;
}): boolean {
  const { node, tally } = options;
  const own = xmlAttribute({ node, name: 'name' });
  const suite = own || options.suite;

  let holdsCases = false;
  for (const testcase of xmlChildren({ node, name: 'testcase' })) {
    collectCase({ testcase, suite, tally });
    holdsCases = true;
  }
  for (const name of ['testsuite', 'testsuites']) {
    for (const child of xmlChildren({ node, name })) {
      holdsCases = collectSuite({ node: child, suite, tally }) || holdsCases;
    }
  }
  if (own && holdsCases) {
    addSuiteName({ tally, name: own });
  }
  return holdsCases;
}

function addSuiteName(options: { tally: Tally; name: string }): void {
  const suites = (options.tally.suites ??= []);
  if (suites.length < MAX_SUITE_NAMES && !suites.includes(options.name)) {
    suites.push(options.name);
  }
}

function collectCase(options: {
  testcase: XmlNode;
  suite: string | undefined;
  tally: Tally;
}): void {
  const { testcase, suite, tally } = options;
  const { outcome, detail } = classify(testcase);
  tally.total++;
  tally[outcome]++;
  if (outcome !== 'failed' && outcome !== 'errored') {
    return;
  }
  if (tally.failures.length < MAX_LISTED_ITEMS) {
    tally.failures.push({
      name: xmlAttribute({ node: testcase, name: 'name' }) || '(unnamed test)',
      classname:
        xmlAttribute({ node: testcase, name: 'classname' }) || undefined,
      suite,
      type: outcome === 'errored' ? 'error' : 'failure',
      message:
        clipMessage(xmlAttribute({ node: detail, name: 'message' })) ??
        clipMessage(firstLine(xmlText(detail))),
    });
  }
}

/**
 * The outcome of one test case. Child elements win over attributes; an
 * `<error>` wins over a `<failure>`. Surefire's `<flakyFailure>` and
 * `<rerunFailure>` are ignored: the first means the test passed on a rerun,
 * the second always comes with a `<failure>`.
 */
function classify(testcase: XmlNode): { outcome: Outcome; detail?: XmlNode } {
  const [error] = xmlChildren({ node: testcase, name: 'error' });
  if (error !== undefined) {
    return { outcome: 'errored', detail: error };
  }
  const [failure] = xmlChildren({ node: testcase, name: 'failure' });
  if (failure !== undefined) {
    return { outcome: 'failed', detail: failure };
  }

  const states = ['status', 'result'].map(name =>
    (xmlAttribute({ node: testcase, name }) ?? '').toLowerCase(),
  );
  const disabled = xmlAttribute({ node: testcase, name: 'disabled' });
  if (
    xmlChildren({ node: testcase, name: 'skipped' }).length > 0 ||
    states.some(state => SKIPPED_STATUSES.has(state)) ||
    disabled === 'true' ||
    disabled === '1'
  ) {
    return { outcome: 'skipped' };
  }
  if (states.some(state => ERRORED_STATUSES.has(state))) {
    return { outcome: 'errored' };
  }
  if (states.some(state => FAILED_STATUSES.has(state))) {
    return { outcome: 'failed' };
  }
  return { outcome: 'passed' };
}
