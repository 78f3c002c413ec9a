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
  Severity,
  VulnerabilityFinding,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser } from '../types';
import { z } from 'zod';
import { clipMessage, firstLine, isRecord } from './parserUtils';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  cvss3BaseScore,
  lowestFixedVersion,
  mostSevere,
  severityFromCvssScore,
  severityFromLabel,
  summarizeFindings,
} from './vulnerabilityFindings';

const SCANNER = 'osv-scanner';

const vulnerabilitySchema = z.looseObject({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  severity: z
    .array(z.looseObject({ type: z.string().nullish(), score: z.string() }))
    .nullish(),
  affected: z
    .array(
      z.looseObject({
        package: z.looseObject({ name: z.string().nullish() }).nullish(),
        ranges: z
          .array(
            z.looseObject({
              events: z.array(z.record(z.string(), z.unknown())).nullish(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
  database_specific: z.looseObject({}).nullish(),
});

const groupSchema = z.looseObject({
  ids: z.array(z.string()).min(1),
  aliases: z.array(z.string()).nullish(),
  max_severity: z.string().nullish(),
});

const packageSchema = z.looseObject({
  package: z.looseObject({
    name: z.string(),
    version: z.string().nullish(),
    commit: z.string().nullish(),
  }),
  vulnerabilities: z.array(vulnerabilitySchema).nullish(),
  groups: z.array(groupSchema).nullish(),
});

const reportSchema = z.looseObject({
  results: z.array(z.looseObject({ packages: z.array(packageSchema) })),
});

type OsvPackage = z.infer<typeof packageSchema>;
type OsvVulnerability = z.infer<typeof vulnerabilitySchema>;
type OsvGroup = z.infer<typeof groupSchema>;

/** Keys of a clean report, which has no result to recognise it by. */
const EMPTY_REPORT_KEYS = ['results', 'experimental_config'];

/**
 * Reads `osv-scanner --format json` reports. A finding is one group of a
 * package: OSV-Scanner groups the advisories that are aliases of each other
 * (a GHSA, its Go or RustSec twin and their CVE), so one vulnerability is
 * counted once however many databases list it. Its severity is the group's
 * `max_severity` (a CVSS score), else the worst of its advisories' own
 * severities (GitHub's `database_specific.severity` or a CVSS v3 vector).
 * Malicious-package advisories (`MAL-` ids) are critical: the package
 * itself is malware, whatever score it has. Licence results are not
 * vulnerabilities and are not read; `results: []` is a clean scan.
 */
export const osvScannerParser: EvidenceParser = {
  format: 'osv-scanner-json',

  detect: input => {
    const json = readJsonObjectOrUndefined(input);
    if (json === undefined || !Array.isArray(json.results)) {
      return false;
    }
    return json.results.length === 0
      ? Object.keys(json).every(key => EMPTY_REPORT_KEYS.includes(key))
      : json.results.every(
          result => isRecord(result) && Array.isArray(result.packages),
        );
  },

  parse: input => {
    const report = parseJsonShape({
      value: readJson(input),
      schema: reportSchema,
      expected: 'an OSV-Scanner JSON report',
    });
    const findings = report.results.flatMap(result =>
      result.packages.flatMap(toFindings),
    );
    return summarizeFindings({ scanner: SCANNER, findings });
  },
};

function toFindings(entry: OsvPackage): VulnerabilityFinding[] {
  const vulnerabilities = entry.vulnerabilities ?? [];
  const groups = [...(entry.groups ?? [])];
  // Reports before groups existed, or advisories no group names: alone.
  const grouped = new Set(groups.flatMap(group => group.ids));
  for (const vulnerability of vulnerabilities) {
    if (!grouped.has(vulnerability.id)) {
      groups.push({ ids: [vulnerability.id] });
    }
  }
  return groups.map(group =>
    toFinding({
      entry,
      group,
      members: vulnerabilities.filter(v => group.ids.includes(v.id)),
    }),
  );
}

function toFinding(options: {
  entry: OsvPackage;
  group: OsvGroup;
  members: OsvVulnerability[];
}): VulnerabilityFinding {
  const { entry, group, members } = options;
  const { name } = entry.package;
  const installed = entry.package.version || entry.package.commit || undefined;
  const ids = [
    ...group.ids,
    ...(group.aliases ?? []),
    ...members.flatMap(member => member.aliases ?? []),
  ];
  const fixes = members.flatMap(member => fixedVersions({ member, name }));
  const knowsRanges = members.some(member =>
    (member.affected ?? []).some(affected => affected.package?.name === name),
  );
  return {
    id: group.ids[0],
    aliases: ids,
    packageName: name,
    installedVersion: installed,
    fixedVersion: lowestFixedVersion({ installed, candidates: fixes }),
    severity: ids.some(id => id.startsWith('MAL-'))
      ? 'critical'
      : groupSeverity({ group, members }),
    title: clipMessage(
      members
        .map(member => member.summary || firstLine(member.details ?? ''))
        .find(Boolean),
    ),
    fixAvailable: fixes.length > 0 || (knowsRanges ? false : undefined),
    source: SCANNER,
  };
}

function groupSeverity(options: {
  group: OsvGroup;
  members: OsvVulnerability[];
}): Severity {
  const { group, members } = options;
  const maxScore = group.max_severity?.trim()
    ? Number(group.max_severity)
    : NaN;
  if (Number.isFinite(maxScore)) {
    return severityFromCvssScore(maxScore);
  }
  return mostSevere(members.flatMap(memberSeverities));
}

function memberSeverities(member: OsvVulnerability): Severity[] {
  const label = member.database_specific?.severity;
  const fromLabel = severityFromLabel(
    typeof label === 'string' ? label : undefined,
  );
  const fromScores = (member.severity ?? []).map(({ score }) => {
    const cvss = cvss3BaseScore(score);
    return cvss === undefined
      ? severityFromLabel(score)
      : severityFromCvssScore(cvss);
  });
  return [fromLabel, ...fromScores];
}

/** The `fixed` events of the ranges an advisory gives for this package. */
function fixedVersions(options: {
  member: OsvVulnerability;
  name: string;
}): string[] {
  const { member, name } = options;
  return (member.affected ?? [])
    .filter(affected => affected.package?.name === name)
    .flatMap(affected => affected.ranges ?? [])
    .flatMap(range => range.events ?? [])
    .flatMap(event => (typeof event.fixed === 'string' ? [event.fixed] : []));
}
