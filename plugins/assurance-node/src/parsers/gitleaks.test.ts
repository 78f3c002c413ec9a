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

import { decodeEvidenceText } from './decodeEvidenceText';
import { gitleaksParser } from './gitleaks';
import { parseEvidence } from './parseEvidence';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

const SENTINEL = 'AKIA-SENTINEL-5f1c9e2b7d';

function inputOf(text: string) {
  return { fileName: 'gitleaks.json', text };
}

function redact(input: { fileName: string; text: string }): string {
  if (!gitleaksParser.redact) {
    throw new Error('gitleaksParser has no redact');
  }
  return gitleaksParser.redact(input);
}

function fixture(name: string) {
  return inputOf(decodeEvidenceText(readCorpusFile(`gitleaks/${name}`)));
}

const v8Finding = {
  RuleID: 'aws-access-token',
  Description: 'AWS',
  StartLine: 12,
  EndLine: 12,
  StartColumn: 5,
  EndColumn: 30,
  Match: `key = "${SENTINEL}"`,
  Secret: SENTINEL,
  File: 'config/prod.env',
  SymlinkFile: '',
  Commit: 'abc123',
  Entropy: 4.2,
  Author: 'Example Author',
  Email: 'author@example.com',
  Date: '2024-01-01T00:00:00Z',
  Message: `add ${SENTINEL} by mistake`,
  Tags: ['key', SENTINEL],
  Fingerprint: 'abc123:config/prod.env:aws-access-token:12',
};

const v7Finding = {
  line: `aws_key = ${SENTINEL}`,
  lineNumber: 3,
  offender: SENTINEL,
  commit: 'def456',
  repo: '.',
  repoURL: '',
  leakURL: '',
  rule: 'AWS Access Key',
  commitMessage: 'wip',
  author: 'Example Author',
  email: 'author@example.com',
  file: 'deploy.sh',
  date: '2021-04-19T22:42:05+03:00',
  tags: 'key, AWS',
};

describe('gitleaksParser on the corpus', () => {
  it('gitleaks-8-many.json', () => {
    // 4 findings: 2 aws-access-token in /conf/aws.tf line 2, RSA-PK in
    // conf/rsa.pk line 57 (Commit ""), generic-api-key in tests/api.py.
    const input = fixture('gitleaks-8-many.json');
    const summary = gitleaksParser.parse(input);
    expect(summary).toMatchObject({ kind: 'secrets', total: 4 });
    expect(summary).toHaveProperty(
      'findings',
      expect.arrayContaining([
        { ruleId: 'RSA-PK', file: 'conf/rsa.pk', line: 57 },
      ]),
    );
    const secrets = [
      'secretAWSsecret',
      'dfjksdjfs3294dfjlsdaf213',
      'BEGIN RSA',
    ];
    for (const text of [JSON.stringify(summary), redact(input)]) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('gitleaks-7-redacted.json', () => {
    // 6 findings, all rule "AWS Access Key"; the first in
    // overlays/server/config/server-config.yml, lineNumber 224.
    const input = fixture('gitleaks-7-redacted.json');
    const summary = gitleaksParser.parse(input);
    expect(summary).toMatchObject({ scanner: 'gitleaks', total: 6 });
    expect(summary).toHaveProperty(
      'findings',
      expect.arrayContaining([
        {
          ruleId: 'AWS Access Key',
          file: 'overlays/server/config/server-config.yml',
          line: 224,
          commit: 'b13740279fb0145e4dce1d5bae6dfcc08a7767bb',
        },
      ]),
    );
    expect(redact(input)).not.toMatch(/access-key = |unique_id/);
  });

  it('gitleaks-8-simple.json', () => {
    // 1 finding; Fingerprint "" is left out.
    expect(gitleaksParser.parse(fixture('gitleaks-8-simple.json'))).toEqual({
      kind: 'secrets',
      scanner: 'gitleaks',
      total: 1,
      findings: [
        {
          ruleId: 'test-rule',
          file: 'auth.py',
          line: 1,
          commit: '0000000000000000',
        },
      ],
    });
  });

  it('gitleaks-8-no-findings-empty-array.json: clean when named, never detected', () => {
    const input = fixture('gitleaks-8-no-findings-empty-array.json');
    expect(gitleaksParser.detect(input)).toBe(false);
    expect(gitleaksParser.parse(input)).toEqual({
      kind: 'secrets',
      scanner: 'gitleaks',
      total: 0,
      findings: [],
    });
  });
});

describe('gitleaksParser', () => {
  it('keeps no secret of a gitleaks 8 report', () => {
    const input = inputOf(JSON.stringify([v8Finding]));
    const summary = gitleaksParser.parse(input);
    expect(summary).toEqual({
      kind: 'secrets',
      scanner: 'gitleaks',
      total: 1,
      findings: [
        {
          ruleId: 'aws-access-token',
          file: 'config/prod.env',
          line: 12,
          fingerprint: 'abc123:config/prod.env:aws-access-token:12',
          commit: 'abc123',
        },
      ],
    });
    const redacted = redact(input);
    expect(redacted).not.toContain(SENTINEL);
    expect(JSON.parse(redacted)).toEqual([
      {
        ...v8Finding,
        Match: 'REDACTED',
        Secret: 'REDACTED',
        Message: 'add REDACTED by mistake',
        Tags: ['key', 'REDACTED'],
      },
    ]);
    expect(redacted).toBe(JSON.stringify(JSON.parse(redacted), null, 2));
  });

  it('keeps no secret of a gitleaks 7 report', () => {
    const input = inputOf(JSON.stringify([v7Finding]));
    expect(gitleaksParser.detect(input)).toBe(true);
    const summary = gitleaksParser.parse(input);
    expect(summary).toEqual({
      kind: 'secrets',
      scanner: 'gitleaks',
      total: 1,
      findings: [
        {
          ruleId: 'AWS Access Key',
          file: 'deploy.sh',
          line: 3,
          commit: 'def456',
        },
      ],
    });
    const redacted = redact(input);
    expect(redacted).not.toContain(SENTINEL);
    expect(JSON.parse(redacted)).toEqual([
      { ...v7Finding, line: 'REDACTED', offender: 'REDACTED' },
    ]);
  });

  it('quotes no secret when it refuses a file', () => {
    const refusals = [
      `[{"RuleID": "r", "Secret": ${SENTINEL}}]`,
      `[{"RuleID": "r", "Secret": "${SENTINEL}", "File": 7}]`,
      `[{"Secret": "${SENTINEL}"}]`,
      `{"Secret": "${SENTINEL}"}`,
    ].map(text =>
      refusalOf(() =>
        parseEvidence({
          parsers: [gitleaksParser],
          fileName: 'gitleaks.json',
          bytes: Buffer.from(text),
          format: 'gitleaks-json',
        }),
      ),
    );
    expect(refusals.map(refusal => refusal.message)).toEqual([
      'not valid JSON (the position is not shown: the text may hold a secret)',
      expect.stringMatching(/^not a gitleaks 8 finding \(finding 0\): File: /),
      'not a gitleaks JSON report: finding 0 has neither "RuleID" (gitleaks 8) nor "rule" (gitleaks 7)',
      'not a gitleaks JSON report: expected an array of findings',
    ]);
    for (const refusal of refusals) {
      expect(refusal.message).not.toContain(SENTINEL);
      expect(String(refusal.cause ?? '')).not.toContain(SENTINEL);
    }
  });

  it('detects gitleaks reports, never a bare empty array', () => {
    const detect = (value: unknown) =>
      gitleaksParser.detect(inputOf(JSON.stringify(value)));
    expect(detect([v8Finding, v7Finding])).toBe(true);
    expect(detect([])).toBe(false);
    expect(detect([{ RuleID: 'r' }])).toBe(false);
    expect(detect([{ filePath: 'a.js', messages: [] }])).toBe(false);
    expect(detect({ RuleID: 'r', Secret: 's' })).toBe(false);
  });
});
