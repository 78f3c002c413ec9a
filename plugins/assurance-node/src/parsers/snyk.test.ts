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
import { snykParser } from './snyk';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

const NONE = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };

function inputOf(report: unknown) {
  return { fileName: 'snyk.json', text: JSON.stringify(report) };
}

function parseFixture(name: string) {
  const text = decodeEvidenceText(readCorpusFile(`snyk-json/${name}`));
  return snykParser.parse({ fileName: name, text });
}

function vuln(options: {
  id: string;
  packageName?: string;
  version?: string;
  from?: string[];
  [key: string]: unknown;
}) {
  return {
    severity: 'high',
    packageName: 'lodash',
    version: '4.17.20',
    fixedIn: ['4.17.21'],
    identifiers: { CVE: ['CVE-2021-23337'], CWE: ['CWE-78'] },
    isUpgradable: true,
    isPatchable: false,
    title: 'Command Injection',
    ...options,
  };
}

function project(vulnerabilities: unknown[]) {
  return {
    vulnerabilities,
    ok: vulnerabilities.length === 0,
    dependencyCount: 10,
    packageManager: 'npm',
  };
}

describe('snykParser on the corpus', () => {
  it('snyk-maven-one-vuln.json', () => {
    // 1 vulnerability, "medium", xmlsec 2.1.1, fixedIn ["2.1.4"].
    expect(parseFixture('snyk-maven-one-vuln.json')).toEqual({
      kind: 'vulnerabilities',
      scanner: 'snyk',
      total: 1,
      bySeverity: { ...NONE, medium: 1 },
      findings: [
        {
          id: 'SNYK-JAVA-ORGAPACHESANTUARIO-460281',
          aliases: ['CVE-2019-12400'],
          packageName: 'org.apache.santuario:xmlsec',
          installedVersion: '2.1.1',
          fixedVersion: '2.1.4',
          severity: 'medium',
          title: 'XML External Entity (XXE) Injection',
          fixAvailable: true,
          source: 'snyk',
        },
      ],
    });
  });

  it('snyk-maven-41-vulns.json', () => {
    // 41 vulnerabilities, 41 distinct (id, package, version): 12 "high",
    // 29 "medium"; 3 of the high have severityWithCritical "critical"
    // (COMMONSFILEUPLOAD-30401, LOG4J-572732, ORGAPACHEMAVENSHARED-570592).
    expect(parseFixture('snyk-maven-41-vulns.json')).toMatchObject({
      total: 41,
      bySeverity: { ...NONE, critical: 3, high: 9, medium: 29 },
      findings: expect.arrayContaining([
        expect.objectContaining({
          id: 'SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302',
          aliases: ['CVE-2020-25649'],
          installedVersion: '2.10.5',
          // fixedIn ["2.6.7.4", "2.9.10.7", "2.10.5.1"]
          fixedVersion: '2.10.5.1',
          severity: 'high',
        }),
      ]),
    });
  });

  it('snyk-container-epss.json', () => {
    // 1 OS vulnerability (gcc-10, "low") and 12 in applications[0]:
    // 1 critical, 2 high, 9 medium. uniqueCount says 13 too.
    expect(parseFixture('snyk-container-epss.json')).toMatchObject({
      total: 13,
      bySeverity: { ...NONE, critical: 1, high: 2, medium: 9, low: 1 },
      findings: expect.arrayContaining([
        expect.objectContaining({
          id: 'SNYK-DEBIAN11-GCC10-5901313',
          aliases: ['CVE-2023-4039'],
          packageName: 'gcc-10',
          installedVersion: '10.2.1-6',
          fixAvailable: false,
        }),
      ]),
    });
  });

  it('snyk-no-vulns.json is a clean scan', () => {
    expect(parseFixture('snyk-no-vulns.json')).toMatchObject({
      total: 0,
      bySeverity: NONE,
      findings: [],
    });
  });
});

describe('snykParser', () => {
  it('reads --all-projects and counts a vulnerability once per package version', () => {
    const report = [
      project([
        vuln({ id: 'SNYK-JS-LODASH-1', from: ['app', 'a', 'lodash'] }),
        vuln({ id: 'SNYK-JS-LODASH-1', from: ['app', 'b', 'lodash'] }),
        vuln({ id: 'SNYK-JS-LODASH-1', version: '4.17.15' }),
        vuln({ id: 'snyk:lic:npm:x:GPL', type: 'license' }),
      ]),
      project([
        vuln({
          id: 'SNYK-JS-LODASH-1',
          from: ['other', 'lodash'],
          isUpgradable: false,
        }),
        vuln({
          id: 'SNYK-JS-MINIMIST-2',
          packageName: 'minimist',
          version: '1.2.5',
          severity: 'high',
          severityWithCritical: 'critical',
          fixedIn: [],
          identifiers: { CVE: [], GHSA: ['GHSA-xvch'], NSP: [1179] },
          isUpgradable: false,
        }),
      ]),
      project([]),
    ];
    expect(snykParser.detect(inputOf(report))).toBe(true);
    expect(snykParser.parse(inputOf(report))).toEqual({
      kind: 'vulnerabilities',
      scanner: 'snyk',
      total: 3,
      bySeverity: { ...NONE, critical: 1, high: 2 },
      findings: [
        {
          id: 'SNYK-JS-MINIMIST-2',
          aliases: ['GHSA-xvch'],
          packageName: 'minimist',
          installedVersion: '1.2.5',
          severity: 'critical',
          title: 'Command Injection',
          fixAvailable: false,
          source: 'snyk',
        },
        expect.objectContaining({
          id: 'SNYK-JS-LODASH-1',
          installedVersion: '4.17.15',
        }),
        expect.objectContaining({
          id: 'SNYK-JS-LODASH-1',
          installedVersion: '4.17.20',
          fixedVersion: '4.17.21',
        }),
      ],
    });
  });

  it('refuses a project Snyk could not test', () => {
    const failed = {
      ok: false,
      error: 'Could not detect supported target files',
      path: '/app',
    };
    expect(snykParser.detect(inputOf(failed))).toBe(true);
    expect(refusalOf(() => snykParser.parse(inputOf(failed))).message).toBe(
      'Snyk could not test "/app": Could not detect supported target files',
    );
    expect(
      refusalOf(() => snykParser.parse(inputOf([project([]), failed]))).message,
    ).toMatch(/^Snyk could not test "\/app"/);
  });

  it('refuses no projects and a wrong shape', () => {
    expect(refusalOf(() => snykParser.parse(inputOf([]))).message).toMatch(
      /^the Snyk report lists no projects/,
    );
    expect(
      refusalOf(() =>
        snykParser.parse(inputOf(project([{ id: 'x', severity: 'low' }]))),
      ).message,
    ).toMatch(/^not a Snyk JSON report: vulnerabilities.0.packageName: /);
  });

  it('detects Snyk reports only', () => {
    const detect = (value: unknown) => snykParser.detect(inputOf(value));
    expect(detect(project([]))).toBe(true);
    expect(detect([project([])])).toBe(true);
    expect(detect([])).toBe(false);
    // CycloneDX with vulnerabilities, npm audit 7+.
    expect(detect({ bomFormat: 'CycloneDX', vulnerabilities: [] })).toBe(false);
    expect(detect({ auditReportVersion: 2, vulnerabilities: {} })).toBe(false);
  });
});
