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
import { osvScannerParser } from './osvScanner';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

const NONE = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };

function inputOf(report: unknown) {
  return { fileName: 'osv.json', text: JSON.stringify(report) };
}

function parseFixture(name: string) {
  const text = decodeEvidenceText(readCorpusFile(`osv-scanner-json/${name}`));
  return osvScannerParser.parse({ fileName: name, text });
}

function reportOf(packages: unknown[]) {
  return { results: [{ source: { path: 'go.mod' }, packages }] };
}

describe('osvScannerParser on the corpus', () => {
  it('osv-go-mod-vulns.json', () => {
    // 2 packages. regex 1.5.1: GHSA-m5pq-gvj9-9vr8 (severity "HIGH") and
    // RUSTSEC-2022-0013 (CVSS 3.1 vector scoring 7.5) in one group: one
    // high finding, fixed in 1.5.5. gogo/protobuf 1.3.1: GO-2021-0053 with
    // no severity at all: unknown.
    expect(parseFixture('osv-go-mod-vulns.json')).toMatchObject({
      scanner: 'osv-scanner',
      total: 2,
      bySeverity: { ...NONE, high: 1, unknown: 1 },
      findings: [
        {
          id: 'GHSA-m5pq-gvj9-9vr8',
          aliases: ['CVE-2022-24713', 'RUSTSEC-2022-0013'],
          packageName: 'regex',
          installedVersion: '1.5.1',
          fixedVersion: '1.5.5',
          severity: 'high',
          fixAvailable: true,
          source: 'osv-scanner',
        },
        {
          id: 'GO-2021-0053',
          aliases: ['CVE-2021-3121', 'GHSA-c3h9-896r-86jm'],
          fixedVersion: '1.3.2',
          severity: 'unknown',
        },
      ],
    });
  });

  it('osv-some-results-license-summary.json', () => {
    // 1 package, 1 vulnerability GO-2021-0053, group aliases null.
    expect(parseFixture('osv-some-results-license-summary.json')).toMatchObject(
      {
        total: 1,
        bySeverity: { ...NONE, unknown: 1 },
        findings: [
          {
            id: 'GO-2021-0053',
            packageName: 'github.com/gogo/protobuf',
            installedVersion: '1.3.1',
            fixedVersion: '1.3.2',
          },
        ],
      },
    );
  });

  it('osv-yarn-malware.json', () => {
    // 1 package flot-axis 0.0.0 with MAL-2023-1035: malware, so critical;
    // its only range has no "fixed" event.
    expect(parseFixture('osv-yarn-malware.json')).toMatchObject({
      total: 1,
      bySeverity: { ...NONE, critical: 1 },
      findings: [
        {
          id: 'MAL-2023-1035',
          aliases: ['GHSA-8348-2q94-ffjx'],
          packageName: 'flot-axis',
          installedVersion: '0.0.0',
          severity: 'critical',
          title: 'Malicious code in flot-axis (npm)',
          fixAvailable: false,
        },
      ],
    });
  });

  it.each([
    'osv-package-no-vulns.json',
    'osv-empty-results-license-config.json',
  ])('%s is a clean scan', name => {
    expect(parseFixture(name)).toMatchObject({ total: 0, findings: [] });
  });
});

describe('osvScannerParser', () => {
  it('makes one finding per group of aliases', () => {
    const vulnerability = (id: string, extra: object) => ({
      id,
      summary: `${id} summary`,
      affected: [
        {
          package: { name: 'django' },
          ranges: [
            { events: [{ introduced: '0' }, { fixed: '3.2.10' }] },
            { events: [{ introduced: '4.0' }, { fixed: '4.0.1' }] },
          ],
        },
      ],
      ...extra,
    });
    const summary = osvScannerParser.parse(
      inputOf(
        reportOf([
          {
            package: { name: 'django', version: '4.0.0', ecosystem: 'PyPI' },
            vulnerabilities: [
              vulnerability('GHSA-aaaa', {
                aliases: ['CVE-2021-1'],
                database_specific: { severity: 'MODERATE' },
              }),
              vulnerability('PYSEC-1', { aliases: ['GHSA-aaaa'] }),
              vulnerability('PYSEC-2', {}),
              vulnerability('PYSEC-3', {
                severity: [
                  {
                    type: 'CVSS_V3',
                    score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
                  },
                ],
              }),
            ],
            groups: [
              {
                ids: ['GHSA-aaaa', 'PYSEC-1'],
                aliases: ['CVE-2021-1', 'GHSA-aaaa', 'PYSEC-1'],
              },
              { ids: ['PYSEC-2'], max_severity: '9.8' },
            ],
          },
        ]),
      ),
    );
    // PYSEC-3 is in no group: a finding of its own, CVSS 5.3 = medium.
    expect(summary).toMatchObject({
      total: 3,
      bySeverity: { ...NONE, critical: 1, medium: 2 },
      findings: [
        { id: 'PYSEC-2', severity: 'critical', fixedVersion: '4.0.1' },
        {
          id: 'GHSA-aaaa',
          aliases: ['CVE-2021-1', 'PYSEC-1'],
          severity: 'medium',
          title: 'GHSA-aaaa summary',
        },
        { id: 'PYSEC-3', severity: 'medium' },
      ],
    });
  });

  it('counts licence results as nothing', () => {
    const summary = osvScannerParser.parse(
      inputOf(
        reportOf([
          {
            package: { name: 'left-pad', version: '1.0.0', ecosystem: 'npm' },
            licenses: ['WTFPL'],
            license_violations: ['WTFPL'],
          },
        ]),
      ),
    );
    expect(summary).toMatchObject({ total: 0, findings: [] });
  });

  it('refuses a package without a name', () => {
    const report = reportOf([{ package: { version: '1' } }]);
    expect(
      refusalOf(() => osvScannerParser.parse(inputOf(report))).message,
    ).toMatch(
      /^not an OSV-Scanner JSON report: results.0.packages.0.package.name: /,
    );
  });

  it('detects OSV-Scanner reports, but not other "results" documents', () => {
    const detect = (value: unknown) => osvScannerParser.detect(inputOf(value));
    expect(detect({ results: [] })).toBe(true);
    expect(detect({ results: [], experimental_config: {} })).toBe(true);
    expect(detect(reportOf([]))).toBe(true);
    // Semgrep and Bandit JSON also have a top-level "results".
    expect(detect({ results: [], errors: [], version: '1.0' })).toBe(false);
    expect(detect({ results: [{ check_id: 'x', path: 'a.py' }] })).toBe(false);
  });
});
