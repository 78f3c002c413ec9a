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
import { EvidenceParser } from '../types';
import { z } from 'zod';
import { clipMessage, isRecord } from './parserUtils';
import { looksLikeJson, parseJsonShape, readJson } from './readJson';
import { levelRank, SarifLevel } from './sarifResults';

/** How many distinct rule ids a summary keeps. */
const MAX_RULE_IDS = 200;

const messageSchema = z.looseObject({
  ruleId: z.string().nullish(),
  severity: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  message: z.string(),
  line: z.number().int().nullish(),
  column: z.number().int().nullish(),
  fatal: z.boolean().nullish(),
});

/** The parts of ESLint's `-f json` output that the parser reads. */
const eslintReportSchema = z.array(
  z.looseObject({
    filePath: z.string(),
    messages: z.array(messageSchema),
    suppressedMessages: z.array(z.unknown()).nullish(),
  }),
);

type EslintMessage = z.infer<typeof messageSchema>;
type ListedResult = StaticAnalysisSummary['results'][number];

/**
 * Reads ESLint's JSON formatter output: one entry per linted file with its
 * messages. Severity 2 is an error, 1 a warning; a fatal (parse) error is
 * an error without a rule id. `suppressedMessages` (ESLint 8.8 and later)
 * are counted apart and not listed. Counts come from the messages; the
 * `errorCount` and `warningCount` fields are not read. Locations are
 * relative to the deepest folder that all linted files share.
 *
 * Detection needs at least one file entry: an empty array `[]` is also a
 * clean gitleaks report, so it is read as ESLint only when named.
 */
export const eslintJsonParser: EvidenceParser = {
  format: 'eslint-json',

  detect: input => {
    if (!looksLikeJson(input.text)) {
      return false;
    }
    try {
      const json = readJson(input);
      return (
        Array.isArray(json) &&
        json.length > 0 &&
        json.every(
          entry =>
            isRecord(entry) &&
            typeof entry.filePath === 'string' &&
            Array.isArray(entry.messages),
        )
      );
    } catch {
      return false;
    }
  },

  parse: input => {
    const files = parseJsonShape({
      value: readJson(input),
      schema: eslintReportSchema,
      expected: 'an ESLint JSON report',
    });

    const prefix = commonFolder(files.map(file => file.filePath));
    const byLevel = { error: 0, warning: 0, note: 0, none: 0 };
    const ruleIds = new Set<string>();
    const listed: ListedResult[] = [];
    let suppressed = 0;
    for (const file of files) {
      suppressed += file.suppressedMessages?.length ?? 0;
      const path = relativePath({ path: file.filePath, prefix });
      for (const message of file.messages) {
        const level = messageLevel(message);
        byLevel[level]++;
        const ruleId = message.ruleId || undefined;
        if (ruleId) {
          ruleIds.add(ruleId);
        }
        listed.push({
          ruleId,
          level,
          message: clipMessage(message.message) ?? '(no message)',
          location: location({ path, message }),
        });
      }
    }

    // Array.prototype.sort is stable: within a level, messages keep the
    // order of the report.
    listed.sort((a, b) => levelRank(a.level) - levelRank(b.level));
    return {
      kind: 'static-analysis',
      tools: ['ESLint'],
      total: byLevel.error + byLevel.warning + byLevel.note + byLevel.none,
      byLevel,
      suppressed,
      ruleIds: [...ruleIds].sort().slice(0, MAX_RULE_IDS),
      results: listed.slice(0, MAX_LISTED_ITEMS),
    };
  },
};

function messageLevel(message: EslintMessage): SarifLevel {
  if (message.fatal || message.severity === 2) {
    return 'error';
  }
  return message.severity === 1 ? 'warning' : 'none';
}

function location(options: { path: string; message: EslintMessage }): string {
  const { path, message } = options;
  if (typeof message.line !== 'number') {
    return path;
  }
  return typeof message.column === 'number'
    ? `${path}:${message.line}:${message.column}`
    : `${path}:${message.line}`;
}

/**
 * The deepest folder, ending in `/`, that all absolute paths share, below
 * the file system root; empty when there is none or a path is relative.
 */
function commonFolder(paths: string[]): string {
  const split = paths.map(path => path.replace(/\\/g, '/').split('/'));
  if (
    split.length === 0 ||
    split.some(parts => parts[0] !== '' && !/^[A-Za-z]:$/.test(parts[0]))
  ) {
    return '';
  }
  const [first] = split;
  // Folders only: the last part of each path is its file name.
  const folders = Math.min(...split.map(parts => parts.length - 1));
  const isShared = (index: number) =>
    split.every(parts => parts[index] === first[index]);
  let shared = 0;
  while (shared < folders && isShared(shared)) {
    shared++;
  }
  return shared >= 2 ? `${first.slice(0, shared).join('/')}/` : '';
}

function relativePath(options: { path: string; prefix: string }): string {
  const path = options.path.replace(/\\/g, '/');
  return options.prefix && path.startsWith(options.prefix)
    ? path.slice(options.prefix.length)
    : options.path;
}
