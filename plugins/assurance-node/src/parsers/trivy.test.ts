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
import { trivyParser } from './trivy';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

const NONE = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
const SENTINEL = 'AKIA-SENTINEL-5f1c9e2b7d';

function inputOf(report: unknown) {
  return { fileName: 'trivy.json', text: JSON.stringify(report) };
}

function redact(input: { fileName: string; text: string }): string {
  if (!trivyParser.redact) {
    throw new Error('trivyParser has no redact');
  }
  return trivyParser.redact(input);
}

function parseFixture(name: string) {
  const text = decodeEvidenceText(readCorpusFile(`trivy-json/${name}`));
  return trivyParser.parse({ fileName: name, text });
}

describe('trivyParser on the corpus', () => {
  it('trivy-image-alpine-3.10.json', () => {
    // One os-pkgs result, 4 Vulnerabilities, all "MEDIUM": CVE-2019-1549
    // and CVE-2019-1551, each in libcrypto1.1 and in libssl1.1.
    expect(parseFixture('trivy-image-alpine-3.10.json')).toMatchObject({
      scanner: 'trivy',
      total: 4,
      bySeverity: { ...NONE, medium: 4 },
      findings: expect.arrayContaining([
        {
          id: 'CVE-2019-1549',
          packageName: 'libcrypto1.1',
          installedVersion: '1.1.1c-r0',
          fixedVersion: '1.1.1d-r0',
          severity: 'medium',
          title: 'openssl: information disclosure in fork()',
          fixAvailable: true,
          source: 'trivy',
        },
      ]),
    });
  });

  it('trivy-debian-all-statuses.json', () => {
    // 8 Vulnerabilities, all "LOW", one per Status; none has a
    // FixedVersion. CVE-2018-1000876 has Status "fixed".
    const summary = parseFixture('trivy-debian-all-statuses.json');
    expect(summary).toMatchObject({
      total: 8,
      bySeverity: { ...NONE, low: 8 },
    });
    expect(summary).toHaveProperty(
      'findings',
      expect.arrayContaining([
        expect.objectContaining({
          id: 'CVE-2018-1000876',
          packageName: 'binutils',
          installedVersion: '2.31.1-16',
          fixAvailable: true,
        }),
        expect.objectContaining({ id: 'CVE-2018-12698', fixAvailable: false }),
      ]),
    );
  });

  it('trivy-fs-npm.json', () => {
    // One lang-pkgs result with 1 Vulnerability: CVE-2019-11358 "MEDIUM"
    // in jquery 3.3.9, fixed in 3.4.0.
    expect(parseFixture('trivy-fs-npm.json')).toMatchObject({
      total: 1,
      bySeverity: { ...NONE, medium: 1 },
      findings: [
        {
          id: 'CVE-2019-11358',
          packageName: 'jquery',
          installedVersion: '3.3.9',
          fixedVersion: '3.4.0',
        },
      ],
    });
  });

  it('trivy-schema2-no-vulns.json is a clean scan', () => {
    // One os-pkgs result without a Vulnerabilities key.
    expect(parseFixture('trivy-schema2-no-vulns.json')).toEqual({
      kind: 'vulnerabilities',
      scanner: 'trivy',
      total: 0,
      bySeverity: NONE,
      findings: [],
    });
  });

  it('refuses reports that hold no vulnerability scan', () => {
    expect(
      refusalOf(() => parseFixture('trivy-config-helm-misconfig.json')).message,
    ).toMatch(/^the Trivy report holds no vulnerability scan .*class "config"/);
    const secrets = refusalOf(() => parseFixture('trivy-secrets.json'));
    expect(secrets.message).toMatch(/class "secret"/);
    expect(secrets.message).not.toMatch(/ghp_|\*\*\*/);
  });
});

describe('trivyParser', () => {
  it('reads the array form of Trivy before 0.20', () => {
    const report = [
      {
        Target: 'package-lock.json',
        Type: 'npm',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2021-23337',
            PkgName: 'lodash',
            InstalledVersion: '4.17.20',
            FixedVersion: '4.17.21',
            Severity: 'HIGH',
            Title: 'Command injection',
          },
        ],
      },
      { Target: 'go.sum', Type: 'gomod', Vulnerabilities: null },
    ];
    expect(trivyParser.detect(inputOf(report))).toBe(true);
    expect(trivyParser.parse(inputOf(report))).toMatchObject({
      total: 1,
      bySeverity: { ...NONE, high: 1 },
      findings: [{ id: 'CVE-2021-23337', fixedVersion: '4.17.21' }],
    });
  });

  it('reads null Vulnerabilities as a clean scan', () => {
    const report = {
      SchemaVersion: 2,
      ArtifactName: 'app',
      Results: [
        { Target: 'alpine 3.19', Class: 'os-pkgs', Vulnerabilities: null },
        { Target: 'yarn.lock', Class: 'lang-pkgs', Vulnerabilities: null },
      ],
    };
    expect(trivyParser.parse(inputOf(report))).toMatchObject({
      total: 0,
      findings: [],
    });
  });

  it('picks the fixed version of the installed release line', () => {
    const report = {
      SchemaVersion: 2,
      Results: [
        {
          Target: 'pom.xml',
          Class: 'lang-pkgs',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-1',
              PkgName: 'a',
              InstalledVersion: '3.0.1',
              FixedVersion: '2.8.2, 3.0.2',
              Severity: 'CRITICAL',
            },
            {
              VulnerabilityID: 'CVE-2',
              PkgName: 'b',
              Severity: 'whatever',
              Description: 'first line\nsecond line',
            },
          ],
        },
      ],
    };
    expect(trivyParser.parse(inputOf(report))).toMatchObject({
      bySeverity: { ...NONE, critical: 1, unknown: 1 },
      findings: [
        { id: 'CVE-1', fixedVersion: '3.0.2', fixAvailable: true },
        { id: 'CVE-2', title: 'first line' },
      ],
    });
  });

  it('refuses other schema versions, no results and wrong shapes', () => {
    const refusal = (report: unknown) =>
      refusalOf(() => trivyParser.parse(inputOf(report))).message;
    expect(refusal({ SchemaVersion: 3, Results: [] })).toBe(
      'Trivy JSON schema version 3 is not supported (expected 2)',
    );
    expect(refusal({ SchemaVersion: 2, ArtifactName: 'x' })).toMatch(
      /^the Trivy report has no results/,
    );
    expect(
      refusal({
        SchemaVersion: 2,
        Results: [
          {
            Target: 't',
            Class: 'os-pkgs',
            Vulnerabilities: [{ PkgName: 'a' }],
          },
        ],
      }),
    ).toMatch(
      /^not a Trivy JSON report: Results.0.Vulnerabilities.0.VulnerabilityID: /,
    );
    expect(refusal({ matches: [] })).toMatch(/^not a Trivy JSON report/);
  });

  it('removes secret values from a report that also has vulnerabilities', () => {
    const report = {
      SchemaVersion: 2,
      ArtifactName: 'image',
      Results: [
        { Target: 'debian 12', Class: 'os-pkgs', Vulnerabilities: null },
        {
          Target: '/app/.env',
          Class: 'secret',
          Secrets: [
            {
              RuleID: 'aws-access-key-id',
              Severity: 'CRITICAL',
              StartLine: 2,
              Match: `AWS_ACCESS_KEY_ID=${SENTINEL}`,
              Code: {
                Lines: [
                  { Number: 1, Content: `OTHER=${SENTINEL}x`, IsCause: false },
                  {
                    Number: 2,
                    Content: `AWS_ACCESS_KEY_ID=${SENTINEL}`,
                    Highlighted: `AWS_ACCESS_KEY_ID=${SENTINEL}`,
                    IsCause: true,
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const input = inputOf(report);
    const summary = trivyParser.parse(input);
    expect(summary).toMatchObject({ total: 0 });
    expect(JSON.stringify(summary)).not.toContain(SENTINEL);

    const redacted = redact(input);
    expect(redacted).not.toContain(SENTINEL);
    expect(JSON.parse(redacted).Results[1].Secrets[0]).toEqual({
      RuleID: 'aws-access-key-id',
      Severity: 'CRITICAL',
      StartLine: 2,
      Match: 'REDACTED',
      Code: {
        Lines: [
          { Number: 1, Content: 'REDACTED', IsCause: false },
          {
            Number: 2,
            Content: 'REDACTED',
            Highlighted: 'REDACTED',
            IsCause: true,
          },
        ],
      },
    });
  });

  it('stores a report without secrets as it came', () => {
    const text = decodeEvidenceText(
      readCorpusFile('trivy-json/trivy-fs-npm.json'),
    );
    expect(redact({ fileName: 'x', text })).toBe(text);
  });

  it('detects both forms and nothing else', () => {
    const detect = (value: unknown) => trivyParser.detect(inputOf(value));
    expect(detect({ SchemaVersion: 2, ArtifactName: 'x', Results: [] })).toBe(
      true,
    );
    expect(detect([{ Target: 'a', Type: 'npm', Vulnerabilities: null }])).toBe(
      true,
    );
    expect(detect([])).toBe(false);
    expect(detect([{ RuleID: 'r', Secret: 's' }])).toBe(false);
    expect(detect({ Results: [] })).toBe(false);
    expect(trivyParser.detect({ fileName: 'x', text: '<xml/>' })).toBe(false);
  });
});
