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
  SEVERITIES,
  Severity,
  VulnerabilitySummary,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  EvidenceRefusedError,
} from '@real-app-forever/plugin-assurance-node';
import { clipMessage, isRecord } from './parserUtils';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  npmAuditErrorSchema,
  npmAuditV1Schema,
  npmAuditV2Schema,
} from './npmAuditSchema';

type Finding = VulnerabilitySummary['findings'][number];

/**
 * Reads `npm audit --json` reports of npm 6 and of npm 7 and later.
 *
 * What one finding is follows what each report lists. npm 7+ lists
 * vulnerable packages, so a finding is one package, at the severity npm
 * gives the package (its worst advisory, or that of the package it depends
 * on). npm 6 lists advisories, so a finding is one advisory. `total` and
 * `bySeverity` count these findings; the `metadata.vulnerabilities` totals
 * are not used, because npm 6 counts dependency paths there and they
 * disagree with the list.
 */
export const npmAuditParser: EvidenceParser = {
  format: 'npm-audit',

  detect: input => {
    const json = readJsonObjectOrUndefined(input);
    return (
      json !== undefined &&
      (json.auditReportVersion !== undefined ||
        (isRecord(json.advisories) && isRecord(json.metadata)) ||
        (isRecord(json.error) && typeof json.error.summary === 'string'))
    );
  },

  parse: input => {
    const json = readJson(input);
    if (isRecord(json) && json.error !== undefined) {
      const { error } = parseJsonShape({
        value: json,
        schema: npmAuditErrorSchema,
        expected: 'an npm audit error report',
      });
      const reason = error.summary || error.code || 'no reason given';
      throw new EvidenceRefusedError(
        `npm audit failed instead of reporting: ${clipMessage(reason)}`,
      );
    }

    let findings: Finding[];
    if (isRecord(json) && json.auditReportVersion !== undefined) {
      findings = readV2(json);
    } else if (isRecord(json) && json.advisories !== undefined) {
      findings = readV1(json);
    } else {
      throw new EvidenceRefusedError(
        'not an npm audit report: expected "auditReportVersion" (npm 7 and later) or "advisories" (npm 6)',
      );
    }

    const bySeverity = Object.fromEntries(
      SEVERITIES.map(severity => [severity, 0]),
    ) as Record<Severity, number>;
    for (const finding of findings) {
      bySeverity[finding.severity]++;
    }
    findings.sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.packageName.localeCompare(b.packageName) ||
        a.id.localeCompare(b.id),
    );
    return {
      kind: 'vulnerabilities',
      total: findings.length,
      bySeverity,
      findings: findings.slice(0, MAX_LISTED_ITEMS),
    };
  },
};

function readV2(json: Record<string, unknown>): Finding[] {
  if (json.auditReportVersion !== 2) {
    const version = String(json.auditReportVersion);
    throw new EvidenceRefusedError(
      `npm audit report version ${version} is not supported (expected 2)`,
    );
  }
  const report = parseJsonShape({
    value: json,
    schema: npmAuditV2Schema,
    expected: 'an npm audit report (npm 7 and later)',
  });
  return Object.entries(report.vulnerabilities).map(([key, entry]) => {
    const via = entry.via ?? [];
    const advisories = via.filter(item => typeof item !== 'string');
    const packages = via.filter(item => typeof item === 'string');
    return {
      id:
        advisories
          .map(a => advisoryId({ url: a.url, number: a.source }))
          .join(', ') ||
        entry.name ||
        key,
      packageName: entry.name || key,
      severity: toSeverity(entry.severity),
      title: advisoryTitle({ advisories, packages }),
      fixAvailable:
        entry.fixAvailable === undefined || entry.fixAvailable === null
          ? undefined
          : entry.fixAvailable !== false,
    };
  });
}

function readV1(json: Record<string, unknown>): Finding[] {
  const report = parseJsonShape({
    value: json,
    schema: npmAuditV1Schema,
    expected: 'an npm audit report (npm 6)',
  });
  return Object.entries(report.advisories).map(([key, advisory]) => ({
    id: advisoryId({
      ghsa: advisory.github_advisory_id,
      url: advisory.url,
      number: advisory.id ?? key,
    }),
    packageName: advisory.module_name,
    severity: toSeverity(advisory.severity),
    title: clipMessage(advisory.title ?? undefined),
    // npm 6 writes "<0.0.0" when no version fixes the advisory.
    fixAvailable:
      typeof advisory.patched_versions === 'string'
        ? advisory.patched_versions.trim() !== '<0.0.0'
        : undefined,
  }));
}

/** npm's severities; `moderate` is our `medium`. */
function toSeverity(value: string): Severity {
  switch (value.toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'moderate':
    case 'medium':
      return 'medium';
    case 'low':
      return 'low';
    case 'info':
      return 'info';
    default:
      return 'unknown';
  }
}

/** The GitHub advisory id when known, else npm's advisory number. */
function advisoryId(options: {
  ghsa?: string | null;
  url?: string | null;
  number?: string | number | null;
}): string {
  const { ghsa, url, number } = options;
  const fromUrl = url?.match(/GHSA(-[23456789cfghjmpqrvwx]{4}){3}/)?.[0];
  return ghsa || fromUrl || String(number ?? 'unknown');
}

function advisoryTitle(options: {
  advisories: Array<{ title?: string | null }>;
  packages: string[];
}): string | undefined {
  const { advisories, packages } = options;
  const [first] = advisories;
  if (first) {
    const more = advisories.length - 1;
    return clipMessage(
      more > 0
        ? `${first.title ?? 'advisory'} (and ${more} more)`
        : first.title ?? undefined,
    );
  }
  return packages.length > 0
    ? clipMessage(`vulnerable through ${packages.join(', ')}`)
    : undefined;
}
