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

/**
 * unit-tests, integration-tests and smoke-test: the same rule over JUnit or
 * TAP reports, told apart by the gate the upload declared or, failing
 * that, by the names of the suites in the report.
 */

import {
  EvidenceRecord,
  GateSettings,
} from '@real-app-forever/plugin-assurance-common';
import {
  GateDefinition,
  GateSelectionContext,
  GateVerdict,
} from '@real-app-forever/plugin-assurance-node';
import { listNames, passed, sum, summariesOf, unreadable } from './support';

/** Suite patterns of the gates that take undeclared reports by name. */
const DEFAULT_SUITE_PATTERNS: Record<string, string> = {
  'integration-tests': 'integration',
  'smoke-test': 'smoke',
};

/**
 * The suite pattern of a test gate: the policy's, else the default. Matched
 * case-insensitively. An invalid pattern matches nothing; policy
 * validation refuses it before it gets here.
 */
function suitePattern(
  gateId: string,
  settings: GateSettings | undefined,
): RegExp | undefined {
  const source = settings?.suitePattern ?? DEFAULT_SUITE_PATTERNS[gateId];
  if (source === undefined) {
    return undefined;
  }
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined;
  }
}

function suitesMatch(record: EvidenceRecord, pattern: RegExp | undefined) {
  const suites = record.summary?.kind === 'tests' ? record.summary.suites : [];
  return pattern !== undefined && (suites ?? []).some(s => pattern.test(s));
}

function selectTests(options: {
  gateId: string;
  evidence: EvidenceRecord[];
  settings: GateSettings;
  context: GateSelectionContext;
}): EvidenceRecord[] {
  const { gateId, evidence, settings, context } = options;
  const own = suitePattern(gateId, settings);
  return evidence.filter(record => {
    if (record.gate) {
      return record.gate === gateId;
    }
    if (gateId !== 'unit-tests') {
      return suitesMatch(record, own);
    }
    // Undeclared reports are unit tests unless another test gate's suite
    // pattern claims them; a unit-tests pattern, when set, must match too.
    const claimed = Object.keys(DEFAULT_SUITE_PATTERNS).some(other =>
      suitesMatch(record, suitePattern(other, context.settingsByGate[other])),
    );
    return !claimed && (own === undefined || suitesMatch(record, own));
  });
}

function evaluateTests(gateId: string, evidence: EvidenceRecord[]) {
  const reports = summariesOf(evidence, 'tests');
  if (!reports) {
    return unreadable(gateId);
  }
  const total = sum(reports.map(r => r.total));
  const failed = sum(reports.map(r => r.failed));
  const errored = sum(reports.map(r => r.errored));
  const skipped = sum(reports.map(r => r.skipped));
  if (total === 0) {
    return {
      status: 'failed',
      reason: 'The test report holds no test cases.',
      remediation:
        'Check that the test runner found the tests and that the reporter wrote them to the uploaded file.',
    } satisfies GateVerdict;
  }
  if (failed + errored > 0) {
    const names = reports.flatMap(r =>
      r.failures.map(f => (f.classname ? `${f.classname}.${f.name}` : f.name)),
    );
    const counts = [
      failed ? `${failed} failed` : '',
      errored ? `${errored} errored` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      status: 'failed',
      reason: `${counts} of ${total} tests: ${listNames(names)}.`,
      remediation:
        'Fix the failing tests (their messages are in the Evidence tab) and upload the new report from a new pipeline run.',
    } satisfies GateVerdict;
  }
  const ran = total - skipped;
  return passed(
    `${ran === 1 ? 'The 1 test that ran' : `All ${ran} tests that ran`} passed${
      skipped ? ` (${skipped} skipped)` : ''
    }.`,
  );
}

function testGate(options: {
  id: string;
  title: string;
  missingRemediation: string;
}): GateDefinition {
  return {
    ...options,
    formats: ['junit', 'tap'],
    select: (evidence, settings, context) =>
      selectTests({ gateId: options.id, evidence, settings, context }),
    evaluate: evidence => evaluateTests(options.id, evidence),
  };
}

export const unitTestsGate = testGate({
  id: 'unit-tests',
  title: 'Unit tests',
  missingRemediation:
    'Make the pipeline write a JUnit XML or TAP report and upload it with the assurance CLI or POST /api/assurance/v1/evidence.',
});

export const integrationTestsGate = testGate({
  id: 'integration-tests',
  title: 'Integration tests',
  missingRemediation:
    "Upload the integration tests' JUnit XML or TAP report with the gate field set to integration-tests, or give its suites names that match the policy's suite pattern (by default, names containing 'integration').",
});

export const smokeTestGate = testGate({
  id: 'smoke-test',
  title: 'Smoke test',
  missingRemediation:
    "Run the smoke test against the deployed build and upload its JUnit XML or TAP report with the gate field set to smoke-test, or give its suites names that match the policy's suite pattern (by default, names containing 'smoke').",
});
