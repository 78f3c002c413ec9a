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
import { grypeParser } from './grype';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

const NONE = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
const DESCRIPTOR = { name: 'grype', version: '0.80.0' };

function inputOf(report: unknown) {
  return { fileName: 'grype.json', text: JSON.stringify(report) };
}

function parseFixture(name: string) {
  const text = decodeEvidenceText(readCorpusFile(`grype-json/${name}`));
  return grypeParser.parse({ fileName: name, text });
}

describe('grypeParser on the corpus', () => {
  it('grype-0.24-directory.json', () => {
    // 9 matches: "Critical" CVE-2021-29940 and GHSA-8v27-2fg9-7h62;
    // "High" CVE-2005-0861 and CVE-2021-32626; 5 "Medium".
    expect(parseFixture('grype-0.24-directory.json')).toMatchObject({
      scanner: 'grype',
      total: 9,
      bySeverity: { ...NONE, critical: 2, high: 2, medium: 5 },
      findings: expect.arrayContaining([
        {
          id: 'GHSA-8v27-2fg9-7h62',
          aliases: ['CVE-2021-23334'],
          packageName: 'static-eval',
          installedVersion: '2.1.0',
          severity: 'critical',
          title: 'Withdrawn: Arbitrary Code Execution in static-eval',
          fixAvailable: false,
          source: 'grype',
        },
      ]),
    });
  });

  it('grype-0.28-image.json', () => {
    // 6 matches, of which GHSA-v6rh-hp5x-86rv in Django 3.2.9 twice (same
    // locations): 5 findings. "Critical" CVE-2021-33574 in libc-bin and in
    // libc6, "High" redis and Django, "Negligible" CVE-2004-0971 (info).
    expect(parseFixture('grype-0.28-image.json')).toMatchObject({
      total: 5,
      bySeverity: { ...NONE, critical: 2, high: 2, info: 1 },
      findings: expect.arrayContaining([
        expect.objectContaining({
          id: 'GHSA-v6rh-hp5x-86rv',
          aliases: ['CVE-2021-44420'],
          packageName: 'Django',
          installedVersion: '3.2.9',
          fixedVersion: '3.2.10',
          fixAvailable: true,
        }),
      ]),
    });
  });

  it('grype-0.94-epss.json', () => {
    // 15 matches in busybox 1.32.1: 1 "Critical", 10 "High", 2 "Medium",
    // 2 "Low"; only CVE-2021-42376 has a fix (1.34.0).
    expect(parseFixture('grype-0.94-epss.json')).toMatchObject({
      total: 15,
      bySeverity: { ...NONE, critical: 1, high: 10, medium: 2, low: 2 },
      findings: expect.arrayContaining([
        expect.objectContaining({
          id: 'CVE-2021-42376',
          packageName: 'busybox',
          installedVersion: '1.32.1',
          fixedVersion: '1.34.0',
        }),
      ]),
    });
  });

  it('grype-presenter-image.json', () => {
    // 2 matches: CVE-1999-0001 "Low" in package-1 1.1.1, fixed in 1.2.1,
    // 2.1.3 and 3.4.0; CVE-1999-0002 "Critical" in package-2.
    expect(parseFixture('grype-presenter-image.json')).toMatchObject({
      total: 2,
      bySeverity: { ...NONE, critical: 1, low: 1 },
      findings: [
        { id: 'CVE-1999-0002', packageName: 'package-2' },
        { id: 'CVE-1999-0001', fixedVersion: '1.2.1' },
      ],
    });
  });

  it('grype-0.7-no-matches.json is a clean scan', () => {
    expect(parseFixture('grype-0.7-no-matches.json')).toMatchObject({
      total: 0,
      bySeverity: NONE,
      findings: [],
    });
  });
});

describe('grypeParser', () => {
  it('parses no matches as a clean scan', () => {
    const report = { matches: [], source: {}, descriptor: DESCRIPTOR };
    expect(grypeParser.detect(inputOf(report))).toBe(true);
    expect(grypeParser.parse(inputOf(report))).toEqual({
      kind: 'vulnerabilities',
      scanner: 'grype',
      total: 0,
      bySeverity: NONE,
      findings: [],
    });
  });

  it('reads fix states and keeps nothing of EPSS', () => {
    const match = (id: string, fix: unknown) => ({
      vulnerability: {
        id,
        severity: 'High',
        fix,
        epss: [{ cve: id, epss: 0.5, percentile: 0.9 }],
      },
      relatedVulnerabilities: [{ id }, { id: `CVE-${id}` }],
      artifact: { name: 'pkg', version: '1.0.0' },
    });
    const summary = grypeParser.parse(
      inputOf({
        matches: [
          match('A', { versions: ['1.0.5', '0.9.9'], state: 'fixed' }),
          match('B', { versions: [], state: 'wont-fix' }),
          match('C', { versions: [], state: 'unknown' }),
        ],
        descriptor: DESCRIPTOR,
      }),
    );
    expect(summary.kind === 'vulnerabilities' && summary.findings).toEqual([
      {
        id: 'A',
        aliases: ['CVE-A'],
        packageName: 'pkg',
        installedVersion: '1.0.0',
        fixedVersion: '1.0.5',
        severity: 'high',
        fixAvailable: true,
        source: 'grype',
      },
      expect.objectContaining({ id: 'B', fixAvailable: false }),
      expect.not.objectContaining({ fixAvailable: expect.anything() }),
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/epss|percentile/);
  });

  it('refuses a match without a vulnerability id', () => {
    const report = {
      matches: [{ vulnerability: {}, artifact: { name: 'a' } }],
      descriptor: DESCRIPTOR,
    };
    expect(refusalOf(() => grypeParser.parse(inputOf(report))).message).toMatch(
      /^not a Grype JSON report: matches.0.vulnerability.id: /,
    );
  });

  it('detects Grype reports only', () => {
    const detect = (value: unknown) => grypeParser.detect(inputOf(value));
    expect(detect({ matches: [], descriptor: DESCRIPTOR })).toBe(true);
    expect(detect({ matches: [], descriptor: { name: 'other' } })).toBe(false);
    expect(detect({ matches: [] })).toBe(false);
    expect(detect([])).toBe(false);
  });
});
