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

import { EvidenceParser } from '../types';
import { TapReader } from './TapReader';

const HEAD_LINES = 30;
const DETECTED_LINE = /^(?:(?:not )?ok(?:[ \t]|$)|1\.\.\d+)/;

/**
 * Reads TAP 13 and 14 output: test points, plans, `# SKIP` and `# TODO`
 * directives, YAML diagnostics and nested subtests (TAP 14 indentation,
 * buffered `{ }` blocks and Perl's `# Subtest:` comments). Lines that are
 * not TAP are ignored.
 *
 * - Only leaf tests count: a test point that closes a subtest summarises
 *   it. A failing summary whose subtest shows no failure counts as one
 *   failed test, and a summary with a directive turns its whole subtest
 *   into skipped tests.
 * - Every test with a `# SKIP` or `# TODO` directive counts as skipped,
 *   `ok` or `not ok`: per the TAP spec a TODO failure does not fail the run.
 * - A plan that disagrees with the test points of its level adds errored
 *   tests: one per missing test, or one when more ran than planned. A
 *   document without a plan adds one errored test (the run may have been
 *   cut short); subtests without a plan are accepted.
 * - `Bail out!` is an errored test named after it; reading stops there and
 *   plans are not checked.
 * - A failure's message is the `message` (nf-test: `failure`) of its YAML
 *   block.
 */
export const tapParser: EvidenceParser = {
  format: 'tap',

  detect: ({ text }) => {
    const head = text.slice(0, 4096).trimStart();
    if (/^TAP version \d/i.test(head)) {
      return true;
    }
    return (
      !/^[<{[]/.test(head) &&
      head
        .split(/\r\n|\r|\n/, HEAD_LINES)
        .some(line => DETECTED_LINE.test(line))
    );
  },

  parse: ({ text }) => {
    const tally = new TapReader(text.split(/\r\n|\r|\n/)).read();
    return { kind: 'tests', ...tally };
  },
};
