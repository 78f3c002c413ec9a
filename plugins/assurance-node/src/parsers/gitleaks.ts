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
  SecretScanSummary,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  EvidenceParserInput,
  EvidenceRefusedError,
} from '../types';
import { z } from 'zod';
import { isRecord, ownValue } from './parserUtils';
import { looksLikeJson, parseJsonShape, readJson } from './readJson';

type SecretFinding = SecretScanSummary['findings'][number];

/** What stands in for a secret in the stored report. */
const REDACTED = 'REDACTED';

/**
 * Fields that carry the secret or the text around it: gitleaks 8 `Secret`,
 * `Match` (and `Line`, which newer versions may write); gitleaks 7
 * `offender` and `line`.
 */
const SECRET_FIELDS = ['Secret', 'Match', 'Line', 'offender', 'line'];

/** Secrets shorter than this are not searched for in the other fields. */
const MIN_SCRUBBED_LENGTH = 4;

const v8Schema = z.looseObject({
  RuleID: z.string(),
  File: z.string(),
  StartLine: z.number().nullish(),
  Commit: z.string().nullish(),
  Fingerprint: z.string().nullish(),
});

const v7Schema = z.looseObject({
  rule: z.string(),
  file: z.string(),
  lineNumber: z.number().nullish(),
  commit: z.string().nullish(),
});

/**
 * Reads `gitleaks --report-format json` reports of gitleaks 8 and 7: an
 * array of findings. Nothing of a secret is kept: the summary holds rule,
 * file, line, commit and fingerprint only, and `redact` stores the report
 * with every field that carries matched text replaced. An empty array is
 * a clean scan, but only when the upload names this format: many tools
 * write `[]`, so detection never claims it.
 */
export const gitleaksParser: EvidenceParser = {
  format: 'gitleaks-json',

  detect: input => {
    if (!looksLikeJson(input.text)) {
      return false;
    }
    let json: unknown;
    try {
      json = readJson(input);
    } catch {
      return false;
    }
    return Array.isArray(json) && json.length > 0 && json.every(isFinding);
  },

  parse: input => {
    const findings = readRedacted(input).map((item, index) =>
      toFinding({ item, index }),
    );
    findings.sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.ruleId.localeCompare(b.ruleId),
    );
    return {
      kind: 'secrets',
      scanner: 'gitleaks',
      total: findings.length,
      findings: findings.slice(0, MAX_LISTED_ITEMS),
    };
  },

  redact: input => JSON.stringify(readRedacted(input), null, 2),
};

function isFinding(value: unknown): boolean {
  return (
    isRecord(value) &&
    ((typeof value.RuleID === 'string' &&
      ('Secret' in value || 'Match' in value || 'Fingerprint' in value)) ||
      (typeof value.rule === 'string' && 'offender' in value))
  );
}

/** The report's findings, with every secret replaced. */
function readRedacted(input: EvidenceParserInput): unknown[] {
  let json: unknown;
  try {
    json = readJson(input);
  } catch (error) {
    // JSON.parse quotes the text around the error, which may be a secret.
    if (
      error instanceof EvidenceRefusedError &&
      error.message.startsWith('not valid JSON')
    ) {
      throw new EvidenceRefusedError(
        'not valid JSON (the position is not shown: the text may hold a secret)',
      );
    }
    throw error;
  }
  if (!Array.isArray(json)) {
    throw new EvidenceRefusedError(
      'not a gitleaks JSON report: expected an array of findings',
    );
  }
  return json.map(redactFinding);
}

/**
 * Replaces the secret-bearing fields, then every other occurrence of the
 * secret (a commit message or file name may quote it).
 */
function redactFinding(item: unknown): unknown {
  if (!isRecord(item)) {
    return item;
  }
  const secrets = SECRET_FIELDS.flatMap(field => {
    const value = ownValue({ record: item, key: field });
    return typeof value === 'string' &&
      value.length >= MIN_SCRUBBED_LENGTH &&
      value !== REDACTED
      ? [value]
      : [];
  });
  const redacted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (SECRET_FIELDS.includes(key)) {
      redacted[key] = REDACTED;
    } else {
      redacted[key] = scrub({ value, secrets });
    }
  }
  return redacted;
}

function scrub(options: { value: unknown; secrets: string[] }): unknown {
  const { value, secrets } = options;
  if (typeof value === 'string') {
    return secrets.reduce(
      (text, secret) => text.split(secret).join(REDACTED),
      value,
    );
  }
  if (Array.isArray(value)) {
    return value.map(v => scrub({ value: v, secrets }));
  }
  return value;
}

function toFinding(options: { item: unknown; index: number }): SecretFinding {
  const { item, index } = options;
  if (isRecord(item) && item.RuleID !== undefined) {
    const finding = parseJsonShape({
      value: item,
      schema: v8Schema,
      expected: `a gitleaks 8 finding (finding ${index})`,
    });
    return tidy({
      ruleId: finding.RuleID,
      file: finding.File,
      line: finding.StartLine ?? undefined,
      fingerprint: finding.Fingerprint ?? undefined,
      commit: finding.Commit ?? undefined,
    });
  }
  if (isRecord(item) && item.rule !== undefined) {
    const finding = parseJsonShape({
      value: item,
      schema: v7Schema,
      expected: `a gitleaks 7 finding (finding ${index})`,
    });
    return tidy({
      ruleId: finding.rule,
      file: finding.file,
      line: finding.lineNumber ?? undefined,
      commit: finding.commit ?? undefined,
    });
  }
  throw new EvidenceRefusedError(
    `not a gitleaks JSON report: finding ${index} has neither "RuleID" (gitleaks 8) nor "rule" (gitleaks 7)`,
  );
}

/** Without the empty fields gitleaks writes outside a git history. */
function tidy(finding: SecretFinding): SecretFinding {
  return Object.fromEntries(
    Object.entries(finding).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  ) as SecretFinding;
}
