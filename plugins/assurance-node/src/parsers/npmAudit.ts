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
import { EvidenceParser, EvidenceRefusedError } from '../types';
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
import {
  lowestFixedVersion,
  severityFromLabel,
  summarizeFindings,
} from './vulnerabilityFindings';

type Finding = VulnerabilitySummary['findings'][number];

const SCANNER = 'npm audit';

/**
 * Reads `npm audit --json` reports of npm 6 and of npm 7 and later.
 *
 * What one finding is follows what each report lists. npm 7+ lists
 * vulnerable packages, so a finding is one package, at the severity npm
 * gives the package (its worst advisory, or that of the package it depends
 * on). npm 6 lists advisories, so a finding is one advisory. `total` and
 * `bySeverity` count these findings; the `metadata.vulnerabilities` totals
 * are not used, because npm 6 counts dependency paths there and they
 * disagree with the list. Installed versions come from npm 6 only (npm 7
 * lists vulnerable ranges, not versions); several installed versions of
 * one advisory are listed together.
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

    return summarizeFindings({ scanner: SCANNER, findings });
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
    const packageName = entry.name || key;
    const fix = entry.fixAvailable;
    return {
      id:
        advisories
          .map(a => advisoryId({ url: a.url, number: a.source }))
          .join(', ') || packageName,
      // Each advisory's id when there are several: the id lists them all.
      aliases: advisories.flatMap(a => idsInUrl(a.url)),
      packageName,
      // npm 7 says which fix it would apply; its version is this package's
      // only when the fix upgrades this package, not one that depends on it.
      fixedVersion:
        typeof fix === 'object' && fix?.name === packageName
          ? fix.version ?? undefined
          : undefined,
      severity: severityFromLabel(entry.severity),
      title: advisoryTitle({ advisories, packages }),
      fixAvailable:
        fix === undefined || fix === null ? undefined : fix !== false,
      source: SCANNER,
    };
  });
}

function readV1(json: Record<string, unknown>): Finding[] {
  const report = parseJsonShape({
    value: json,
    schema: npmAuditV1Schema,
    expected: 'an npm audit report (npm 6)',
  });
  return Object.entries(report.advisories).map(([key, advisory]) => {
    const installed = [
      ...new Set(
        (advisory.findings ?? []).flatMap(finding => finding.version ?? []),
      ),
    ];
    // npm 6 writes "<0.0.0" when no version fixes the advisory.
    const patched = advisory.patched_versions?.trim();
    return {
      id: advisoryId({
        ghsa: advisory.github_advisory_id,
        url: advisory.url,
        number: advisory.id ?? key,
      }),
      aliases: [
        ...(advisory.cves ?? []),
        ...idsInUrl(advisory.url),
        ...(advisory.github_advisory_id ? [advisory.github_advisory_id] : []),
      ],
      packageName: advisory.module_name,
      installedVersion: installed.join(', ') || undefined,
      fixedVersion: patched
        ? lowestFixedVersion({
            installed: installed[0],
            candidates: lowerBounds(patched),
          })
        : undefined,
      severity: severityFromLabel(advisory.severity),
      title: clipMessage(advisory.title ?? undefined),
      fixAvailable: patched === undefined ? undefined : patched !== '<0.0.0',
      source: SCANNER,
    };
  });
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

/** The GHSA and CVE ids in an advisory URL. */
function idsInUrl(url: string | null | undefined): string[] {
  return (
    url?.match(/GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,}/g) ?? []
  );
}

/** The versions a range such as `>=2.6.9 <3.0.0 || >=3.1.0` starts at. */
function lowerBounds(range: string): string[] {
  return [...range.matchAll(/>=\s*v?(\d[^\s|<>=]*)/g)].map(match => match[1]);
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
