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

/** The counts of a TAP document or subtest. */
export type Tally = Omit<TestReportSummary, 'kind'>;
export type Failure = Tally['failures'][number];

export function emptyTally(): Tally {
  return {
    total: 0,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    failures: [],
  };
}

/** Lists a failure unless the list is full; returns it when listed. */
export function addListed(options: {
  tally: Tally;
  failure: Failure;
}): Failure | undefined {
  const { tally, failure } = options;
  if (tally.failures.length >= MAX_LISTED_ITEMS) {
    return undefined;
  }
  tally.failures.push(failure);
  return failure;
}

/** Counts errored tests, listing as many as fit. */
export function addErrored(options: {
  tally: Tally;
  count: number;
  name: (k: number) => string;
  message?: string;
}) {
  const { tally, count, name, message } = options;
  tally.total += count;
  tally.errored += count;
  for (let k = 1; k <= count && tally.failures.length < MAX_LISTED_ITEMS; k++) {
    tally.failures.push({ name: name(k), type: 'error', message });
  }
}

/**
 * Adds a subtest's counts, naming the subtest in its failures' suites and,
 * when it ran tests, in the suite names.
 */
export function mergeTally(options: {
  into: Tally;
  from: Tally;
  suite?: string;
}) {
  const { into, from, suite } = options;
  into.total += from.total;
  into.passed += from.passed;
  into.failed += from.failed;
  into.errored += from.errored;
  into.skipped += from.skipped;
  const names = from.suites ?? [];
  for (const name of suite && from.total > 0 ? [suite, ...names] : names) {
    const suites = (into.suites ??= []);
    if (suites.length < MAX_SUITE_NAMES && !suites.includes(name)) {
      suites.push(name);
    }
  }
  for (const failure of from.failures) {
    if (suite) {
      failure.suite = failure.suite ? `${suite} > ${failure.suite}` : suite;
    }
    addListed({ tally: into, failure });
  }
}
