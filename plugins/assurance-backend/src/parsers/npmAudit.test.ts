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
import { npmAuditParser } from './npmAudit';
import { refusalOf } from './__testUtils__/corpus';

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
      total: 3,
      bySeverity: { ...NONE, critical: 1, medium: 1, unknown: 1 },
      findings: [
        {
          id: 'wrapper',
          packageName: 'wrapper',
          severity: 'critical',
          title: 'vulnerable through lodash',
          fixAvailable: false,
        },
        {
          id: 'GHSA-p6mc-m468-83gw, 2',
          packageName: 'lodash',
          severity: 'medium',
          title: 'Prototype Pollution (and 1 more)',
          fixAvailable: true,
        },
        { id: 'odd', packageName: 'odd', severity: 'unknown' },
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
      total: 2,
      bySeverity: { ...NONE, medium: 1, low: 1 },
      findings: [
        {
          id: '118',
          packageName: 'minimist',
          severity: 'medium',
          title: 'Prototype Pollution',
          fixAvailable: true,
        },
        {
          id: 'GHSA-4xcv-9jjx-gfj3',
          packageName: 'lodash',
          severity: 'low',
          title: 'Prototype Pollution',
          fixAvailable: false,
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
