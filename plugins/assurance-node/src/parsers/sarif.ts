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
  StaticAnalysisSummary,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser, EvidenceRefusedError } from '../types';
import { isRecord } from './parserUtils';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  createRuleFinder,
  isSuppressed,
  resultLevel,
  resultLocation,
  resultMessage,
} from './sarifResults';
import { sarifLogSchema } from './sarifSchema';

type ListedResult = StaticAnalysisSummary['results'][number];

/**
 * Reads SARIF 2.1.0 logs: every result of every run, with its effective
 * level. Suppressed results are counted apart and not listed. A log with no
 * runs or no results parses to a total of 0.
 */
export const sarifParser: EvidenceParser = {
  format: 'sarif',

  detect: input => {
    const json = readJsonObjectOrUndefined(input);
    if (!json || !Array.isArray(json.runs)) {
      return false;
    }
    const schema = json.$schema;
    return (
      (typeof schema === 'string' && schema.toLowerCase().includes('sarif')) ||
      json.version === '2.1.0'
    );
  },

  parse: input => {
    const json = readJson(input);
    const version = isRecord(json) ? json.version : undefined;
    // A version of another type is left to the schema to refuse.
    if (typeof version === 'string' && !version.startsWith('2.1')) {
      throw new EvidenceRefusedError(
        `SARIF version ${version} is not supported; upload SARIF 2.1.0`,
      );
    }
    const log = parseJsonShape({
      value: json,
      schema: sarifLogSchema,
      expected: 'a SARIF 2.1.0 log',
    });

    const tools: string[] = [];
    const byLevel = { error: 0, warning: 0, note: 0, none: 0 };
    // Results are listed errors first and, within a level, in the order of
    // the log; only the first MAX_LISTED_ITEMS of each level can be listed.
    const listedByLevel: Record<keyof typeof byLevel, ListedResult[]> = {
      error: [],
      warning: [],
      note: [],
      none: [],
    };
    let suppressed = 0;
    for (const run of log.runs) {
      if (!tools.includes(run.tool.driver.name)) {
        tools.push(run.tool.driver.name);
      }
      const findRule = createRuleFinder(run);
      for (const result of run.results ?? []) {
        if (isSuppressed(result)) {
          suppressed++;
          continue;
        }
        const { rule, component } = findRule(result);
        const level = resultLevel({ result, rule });
        byLevel[level]++;
        const message = resultMessage({ result, rule, component });
        const listed = listedByLevel[level];
        if (listed.length < MAX_LISTED_ITEMS) {
          listed.push({
            ruleId: result.ruleId ?? result.rule?.id ?? rule?.id ?? undefined,
            level,
            message,
            location: resultLocation(result),
          });
        }
      }
    }

    return {
      kind: 'static-analysis',
      tools,
      total: byLevel.error + byLevel.warning + byLevel.note + byLevel.none,
      byLevel,
      suppressed,
      results: [
        ...listedByLevel.error,
        ...listedByLevel.warning,
        ...listedByLevel.note,
        ...listedByLevel.none,
      ].slice(0, MAX_LISTED_ITEMS),
    };
  },
};
