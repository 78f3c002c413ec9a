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

import { PostureSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser } from '../types';
import { z } from 'zod';
import { clipMessage, isRecord } from './parserUtils';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';

/** A score from 0 to 10, or -1 for an inconclusive check. */
const scoreSchema = z.number().min(-1).max(10);

/** The parts of a Scorecard JSON result (v4 and later) the parser reads. */
const scorecardSchema = z.looseObject({
  repo: z.looseObject({ name: z.string().nullish() }).nullish(),
  score: scoreSchema.nullish(),
  checks: z.array(
    z.looseObject({
      name: z.string(),
      score: scoreSchema.nullish(),
      reason: z.string().nullish(),
      // Before Scorecard v3, checks had a pass/fail outcome and no score.
      pass: z.boolean().nullish(),
    }),
  ),
});

type Check = z.infer<typeof scorecardSchema>['checks'][number];

/**
 * Reads OpenSSF Scorecard JSON results (`scorecard --format json`, the
 * scorecard action's results file). A score of -1 (inconclusive) is read
 * as null. A check with a `pass` outcome but no score (the shape before
 * v3) has a null score and its outcome in the reason.
 */
export const scorecardParser: EvidenceParser = {
  format: 'scorecard-json',

  detect: input => {
    const json = readJsonObjectOrUndefined(input);
    return (
      !!json &&
      Array.isArray(json.checks) &&
      (isRecord(json.scorecard) || (isRecord(json.repo) && 'score' in json))
    );
  },

  parse: input => {
    const result = parseJsonShape({
      value: readJson(input),
      schema: scorecardSchema,
      expected: 'an OpenSSF Scorecard JSON result',
    });
    const summary: PostureSummary = {
      kind: 'posture',
      tool: 'OpenSSF Scorecard',
      score: score(result.score),
      checks: result.checks.map(check => ({
        name: check.name,
        score: score(check.score),
        reason: reason(check),
      })),
    };
    const repository = result.repo?.name?.trim();
    return repository ? { ...summary, repository } : summary;
  },
};

function score(value: number | null | undefined): number | null {
  return typeof value === 'number' && value >= 0 ? value : null;
}

function reason(check: Check): string | undefined {
  const text = clipMessage(check.reason ?? undefined);
  if (typeof check.score === 'number' || typeof check.pass !== 'boolean') {
    return text;
  }
  const outcome = check.pass ? 'passed' : 'failed';
  return text ? `${outcome}: ${text}` : outcome;
}
