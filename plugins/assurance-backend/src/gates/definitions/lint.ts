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
 * lint: ESLint JSON, or SARIF whose tools are all linters. At most
 * `maxErrors` (default 0) unsuppressed errors and, when set, at most
 * `maxWarnings` warnings.
 */
export const lintGate: GateDefinition = {
  id: 'lint',
  title: 'Lint',
  formats: ['eslint-json', 'sarif'],
  missingRemediation:
    'Run the linter in the pipeline with JSON (eslint -f json) or SARIF output (ESLint, Pylint, stylelint, ruff, RuboCop, …) and upload its report.',
  select: evidence =>
    evidence.filter(
      record => record.format !== 'sarif' || sarifKindOf(record) === 'lint',
    ),
  evaluate(evidence, { settings }) {
    const reports = summariesOf(evidence, 'static-analysis');
    if (!reports) {
      return unreadable('lint');
    }
    const errors = sum(reports.map(r => r.byLevel.error));
    const warnings = sum(reports.map(r => r.byLevel.warning));
    const maxErrors = settings.maxErrors ?? 0;
    const { maxWarnings } = settings;
    const located = (level: 'error' | 'warning') =>
      reports
        .flatMap(r => r.results)
        .filter(r => r.level === level)
        .map(
          r =>
            `${r.ruleId ?? 'result'}${r.location ? ` at ${r.location}` : ''}`,
        );

    if (errors > maxErrors) {
      return {
        status: 'failed',
        reason: `${counted(
          errors,
          'lint error',
        )}, the policy allows ${maxErrors}: ${listNames(located('error'))}.`,
        remediation:
          'Fix the reported lint errors (or disable a rule for a line with a justification) and upload a new report.',
      };
    }
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      return {
        status: 'failed',
        reason: `${counted(
          warnings,
          'lint warning',
        )}, the policy allows ${maxWarnings}: ${listNames(
          located('warning'),
        )}.`,
        remediation:
          'Fix lint warnings until at most the allowed number remain, then upload a new report.',
      };
    }
    const limits = [
      `at most ${counted(maxErrors, 'error')}`,
      maxWarnings === undefined
        ? 'any number of warnings'
        : `at most ${counted(maxWarnings, 'warning')}`,
    ].join(' and ');
    return passed(
      `${counted(errors, 'lint error')} and ${counted(
        warnings,
        'warning',
      )}; the policy allows ${limits}.`,
    );
  },
};
