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

import { VulnerabilitySummary } from '@real-app-forever/plugin-assurance-common';
import { decodeEvidenceText } from './decodeEvidenceText';
import { npmAuditParser } from './npmAudit';
import { readCorpusFile, refusalOf } from './__testUtils__/corpus';

function parseAudit(report: unknown): VulnerabilitySummary {
  const summary = npmAuditParser.parse({
    fileName: 'audit.json',
    text: JSON.stringify(report),
  });
  if (summary.kind !== 'vulnerabilities') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

const NONE = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };

describe('npmAuditParser, npm 7 and later', () => {
  it('makes one finding per vulnerable package', () => {
    const summary = parseAudit({
      auditReportVersion: 2,
      vulnerabilities: {
        lodash: {
          name: 'lodash',
          severity: 'moderate',
          via: [
            {
              source: 1,
              title: 'Prototype Pollution',
              url: 'https://github.com/advisories/GHSA-p6mc-m468-83gw',
            },
            { source: 2, title: 'ReDoS' },
          ],
          fixAvailable: { name: 'lodash', version: '4.17.21' },
        },
        wrapper: {
          name: 'wrapper',
          severity: 'critical',
          via: ['lodash'],
          fixAvailable: false,
        },
        odd: { severity: 'severe', via: [] },
      },
      // Not used: the list decides.
      metadata: { vulnerabilities: { moderate: 9, total: 9 } },
    });
    expect(summary).toEqual({
      kind: 'vulnerabilities',
      scanner: 'npm audit',
      total: 3,
      bySeverity: { ...NONE, critical: 1, medium: 1, unknown: 1 },
      findings: [
        {
          id: 'wrapper',
          packageName: 'wrapper',
          severity: 'critical',
          title: 'vulnerable through lodash',
          fixAvailable: false,
          source: 'npm audit',
        },
        {
          id: 'GHSA-p6mc-m468-83gw, 2',
          aliases: ['GHSA-p6mc-m468-83gw'],
          packageName: 'lodash',
          fixedVersion: '4.17.21',
          severity: 'medium',
          title: 'Prototype Pollution (and 1 more)',
          fixAvailable: true,
          source: 'npm audit',
        },
        {
          id: 'odd',
          packageName: 'odd',
          severity: 'unknown',
          source: 'npm audit',
        },
      ],
    });
  });

  it('maps info, low and high, and parses an empty report', () => {
    const summary = parseAudit({
      auditReportVersion: 2,
      vulnerabilities: {
        a: { severity: 'info' },
        b: { severity: 'low' },
        c: { severity: 'high' },
      },
    });
    expect(summary.bySeverity).toEqual({ ...NONE, info: 1, low: 1, high: 1 });
    expect(summary.findings.map(f => f.severity)).toEqual([
      'high',
      'low',
      'info',
    ]);
    expect(parseAudit({ auditReportVersion: 2, vulnerabilities: {} })).toEqual({
      kind: 'vulnerabilities',
      scanner: 'npm audit',
      total: 0,
      bySeverity: NONE,
      findings: [],
    });
  });

  it('refuses an unknown report version and a wrong shape', () => {
    expect(
      refusalOf(() =>
        parseAudit({ auditReportVersion: 3, vulnerabilities: {} }),
      ).message,
    ).toBe('npm audit report version 3 is not supported (expected 2)');
    expect(
      refusalOf(() =>
        parseAudit({
          auditReportVersion: 2,
          vulnerabilities: { a: { via: [] } },
        }),
      ).message,
    ).toMatch(
      /^not an npm audit report \(npm 7 and later\): vulnerabilities.a.severity: /,
    );
  });
});

describe('npmAuditParser, npm 6', () => {
  it('makes one finding per advisory', () => {
    const summary = parseAudit({
      advisories: {
        '118': {
          id: 118,
          module_name: 'minimist',
          severity: 'moderate',
          title: 'Prototype Pollution',
          cves: ['CVE-2020-7598'],
          patched_versions: '>=1.2.3',
          findings: [{ version: '1.2.0', paths: ['a>minimist', 'b>minimist'] }],
        },
        '577': {
          id: 577,
          github_advisory_id: 'GHSA-4xcv-9jjx-gfj3',
          module_name: 'lodash',
          severity: 'low',
          title: 'Prototype Pollution',
          patched_versions: '<0.0.0',
        },
      },
      metadata: { vulnerabilities: { moderate: 2, low: 1 } },
    });
    expect(summary).toEqual({
      kind: 'vulnerabilities',
      scanner: 'npm audit',
      total: 2,
      bySeverity: { ...NONE, medium: 1, low: 1 },
      findings: [
        {
          id: '118',
          aliases: ['CVE-2020-7598'],
          packageName: 'minimist',
          installedVersion: '1.2.0',
          fixedVersion: '1.2.3',
          severity: 'medium',
          title: 'Prototype Pollution',
          fixAvailable: true,
          source: 'npm audit',
        },
        {
          id: 'GHSA-4xcv-9jjx-gfj3',
          packageName: 'lodash',
          severity: 'low',
          title: 'Prototype Pollution',
          fixAvailable: false,
          source: 'npm audit',
        },
      ],
    });
  });

  it('refuses an advisory without a module name', () => {
    expect(
      refusalOf(() => parseAudit({ advisories: { '1': { severity: 'high' } } }))
        .message,
    ).toMatch(/^not an npm audit report \(npm 6\): advisories.1.module_name: /);
  });
});

describe('npmAuditParser versions and ids', () => {
  it('picks the fixed version of the installed release line (npm 6)', () => {
    const summary = parseAudit({
      advisories: {
        '534': {
          id: 534,
          module_name: 'debug',
          severity: 'low',
          url: 'https://nodesecurity.io/advisories/534',
          cves: ['CVE-2017-16137'],
          patched_versions: '>= 2.6.9 < 3.0.0 || >= 3.1.0',
          findings: [{ version: '3.0.1' }, { version: '3.0.1' }],
        },
      },
    });
    expect(summary.findings).toEqual([
      expect.objectContaining({
        id: '534',
        aliases: ['CVE-2017-16137'],
        installedVersion: '3.0.1',
        fixedVersion: '3.1.0',
      }),
    ]);
  });

  it('gives no fixed version when the fix upgrades another package (npm 7)', () => {
    const summary = parseAudit({
      auditReportVersion: 2,
      vulnerabilities: {
        'follow-redirects': {
          name: 'follow-redirects',
          severity: 'high',
          via: [
            {
              source: 1,
              url: 'https://github.com/advisories/GHSA-pw2r-vq6v-hr8c',
            },
          ],
          fixAvailable: { name: 'axios', version: '0.26.0' },
        },
      },
    });
    expect(summary.findings).toEqual([
      {
        id: 'GHSA-pw2r-vq6v-hr8c',
        packageName: 'follow-redirects',
        severity: 'high',
        fixAvailable: true,
        source: 'npm audit',
      },
    ]);
  });

  it('reads ids and versions of the corpus', () => {
    const parseFixture = (name: string) =>
      npmAuditParser.parse({
        fileName: name,
        text: decodeEvidenceText(readCorpusFile(`npm-audit/${name}`)),
      });
    // Advisory 521 (pg): installed 5.1.0, patched ">= 2.11.2 < 3.0.0|| ...
    // || >= 5.2.1 < 6.0.0 || ...", cves ["CVE-2017-16082"].
    expect(parseFixture('npm6-many-vulns-express.json')).toHaveProperty(
      'findings',
      expect.arrayContaining([
        expect.objectContaining({
          id: '521',
          aliases: ['CVE-2017-16082'],
          packageName: 'pg',
          installedVersion: '5.1.0',
          fixedVersion: '5.2.1',
        }),
      ]),
    );
    // Advisory 1038749 (axios): GHSA-cph5-m8f7-6c5x, cves
    // ["CVE-2021-3749"], two findings of version 0.15.3, patched ">=0.21.2".
    expect(parseFixture('npm6-allowlisted-paths.json')).toHaveProperty(
      'findings',
      expect.arrayContaining([
        expect.objectContaining({
          id: 'GHSA-cph5-m8f7-6c5x',
          aliases: ['CVE-2021-3749'],
          installedVersion: '0.15.3',
          fixedVersion: '0.21.2',
        }),
      ]),
    );
    // "open": fixAvailable { name: "open", version: "8.4.0" }.
    expect(parseFixture('npm7-critical.json')).toMatchObject({
      scanner: 'npm audit',
      findings: [{ id: 'GHSA-28xh-wpgr-7fm8', fixedVersion: '8.4.0' }],
    });
  });
});

describe('npmAuditParser errors and detection', () => {
  it('refuses the error object npm prints when the audit fails', () => {
    const report = {
      error: {
        code: 'ENOLOCK',
        summary: 'This command requires an existing lockfile.',
        detail: 'Try creating one first with: npm i --package-lock-only',
      },
    };
    expect(refusalOf(() => parseAudit(report)).message).toBe(
      'npm audit failed instead of reporting: This command requires an existing lockfile.',
    );
    expect(
      npmAuditParser.detect({ fileName: 'x', text: JSON.stringify(report) }),
    ).toBe(true);
  });

  it('refuses JSON that is neither shape', () => {
    expect(refusalOf(() => parseAudit({ vulnerabilities: [] })).message).toBe(
      'not an npm audit report: expected "auditReportVersion" (npm 7 and later) or "advisories" (npm 6)',
    );
  });

  it('detects both report shapes', () => {
    const detect = (value: unknown) =>
      npmAuditParser.detect({ fileName: 'x', text: JSON.stringify(value) });
    expect(detect({ auditReportVersion: 2, vulnerabilities: {} })).toBe(true);
    expect(detect({ advisories: {}, metadata: {} })).toBe(true);
    expect(detect({ vulnerabilities: [] })).toBe(false);
  });
});
