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
import { passed, summariesOf, unreadable } from './support';

const DEFAULT_MIN_SCORE = 5;

/**
 * scorecard: the OpenSSF Scorecard score is at least `minScore` (default
 * 5). With several reports in one execution, the lowest score counts.
 */
export const scorecardGate: GateDefinition = {
  id: 'scorecard',
  title: 'OpenSSF Scorecard',
  formats: ['scorecard-json'],
  missingRemediation:
    'Run OpenSSF Scorecard on the repository (scorecard --format json, or the scorecard GitHub Action) and upload its report.',
  evaluate(evidence, { settings }) {
    const reports = summariesOf(evidence, 'posture');
    if (!reports) {
      return unreadable('scorecard');
    }
    const scores = reports
      .map(r => r.score)
      .filter((s): s is number => s !== null);
    if (scores.length === 0) {
      return {
        status: 'unknown',
        reason: 'The Scorecard report has no overall score.',
        remediation:
          'Run Scorecard with its default checks so that it computes an overall score, then upload the report.',
      };
    }
    const score = Math.min(...scores);
    const minimum = settings.minScore ?? DEFAULT_MIN_SCORE;
    if (score < minimum) {
      const weakest = reports
        .flatMap(r => r.checks)
        .filter(c => c.score !== null)
        .sort((a, b) => a.score! - b.score!)
        .slice(0, 3)
        .map(c => `${c.name} ${c.score}`);
      return {
        status: 'failed',
        reason: `The Scorecard score is ${score}; the policy requires at least ${minimum}.${
          weakest.length > 0 ? ` Weakest checks: ${weakest.join(', ')}.` : ''
        }`,
        remediation:
          'Improve the weakest checks (each has its own remediation in the Scorecard documentation), then run Scorecard again and upload the report.',
      };
    }
    return passed(
      `The Scorecard score is ${score}; the policy requires at least ${minimum}.`,
    );
  },
};
