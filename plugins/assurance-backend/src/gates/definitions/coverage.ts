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

import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { passed, percent, sum, summariesOf, unreadable } from './support';

const DEFAULT_MIN_LINE_RATE = 0.6;

/**
 * coverage: the line rate over every report of the newest execution is at
 * least `minLineRate` (default 0.6).
 */
export const coverageGate: GateDefinition = {
  id: 'coverage',
  title: 'Test coverage',
  formats: ['lcov', 'cobertura-xml'],
  missingRemediation:
    'Make the test run write an lcov or Cobertura XML coverage report and upload it.',
  evaluate(evidence, { settings }) {
    const reports = summariesOf(evidence, 'coverage');
    if (!reports) {
      return unreadable('coverage');
    }
    const valid = sum(reports.map(r => r.linesValid));
    if (valid === 0) {
      return {
        status: 'unknown',
        reason: 'The coverage report has no coverable lines.',
        remediation:
          'Check that the coverage tool instrumented the source files, then upload a new report.',
      };
    }
    const rate = sum(reports.map(r => r.linesCovered)) / valid;
    const minimum = settings.minLineRate ?? DEFAULT_MIN_LINE_RATE;
    if (rate < minimum) {
      const lowest = reports
        .flatMap(r => r.files)
        .filter(f => f.lineRate !== null && f.linesValid > 0)
        .sort((a, b) => a.lineRate! - b.lineRate!)
        .slice(0, 3)
        .map(f => `${f.path} ${percent(f.lineRate!)}`);
      return {
        status: 'failed',
        reason: `Line coverage is ${percent(
          rate,
        )}; the policy requires at least ${percent(minimum)}.${
          lowest.length > 0 ? ` Lowest: ${lowest.join(', ')}.` : ''
        }`,
        remediation:
          'Add tests for the least covered files (listed in the Evidence tab) and upload the new coverage report.',
      };
    }
    return passed(
      `Line coverage is ${percent(
        rate,
      )}; the policy requires at least ${percent(minimum)}.`,
    );
  },
};
