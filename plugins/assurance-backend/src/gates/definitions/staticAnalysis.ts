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
import { sarifKindOf } from './sarifTools';
import {
  counted,
  listNames,
  passed,
  sum,
  summariesOf,
  unreadable,
} from './support';

/**
 * static-analysis: SARIF from an analyser that is neither a linter nor a
 * secret scanner; no unsuppressed error-level result.
 */
export const staticAnalysisGate: GateDefinition = {
  id: 'static-analysis',
  title: 'Static analysis',
  formats: ['sarif'],
  missingRemediation:
    'Run a static analyser that writes SARIF 2.1.0 (CodeQL, Semgrep, SpotBugs) and upload its report.',
  select: evidence =>
    evidence.filter(record => sarifKindOf(record) === 'analysis'),
  evaluate(evidence) {
    const reports = summariesOf(evidence, 'static-analysis');
    if (!reports) {
      return unreadable('static-analysis');
    }
    const errors = sum(reports.map(r => r.byLevel.error));
    const warnings = sum(reports.map(r => r.byLevel.warning));
    const suppressed = sum(reports.map(r => r.suppressed));
    if (errors > 0) {
      const where = reports
        .flatMap(r => r.results)
        .filter(r => r.level === 'error')
        .map(
          r =>
            `${r.ruleId ?? 'result'}${r.location ? ` at ${r.location}` : ''}`,
        );
      return {
        status: 'failed',
        reason: `${counted(
          errors,
          'unsuppressed error-level result',
        )}: ${listNames(where)}.`,
        remediation:
          'Fix the code the results point to, or suppress a false positive in the analyser with a justification, then upload a new report.',
      };
    }
    return passed(
      `No unsuppressed error-level results (${counted(
        warnings,
        'warning',
      )}, ${suppressed} suppressed).`,
    );
  },
};
