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

import { VulnerabilityFinding } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser, EvidenceRefusedError } from '../types';
import { z } from 'zod';
import { clipMessage, isRecord, ownValue } from './parserUtils';
import { looksLikeJson, parseJsonShape, readJson } from './readJson';
import {
  lowestFixedVersion,
  severityFromLabel,
  summarizeFindings,
} from './vulnerabilityFindings';

const SCANNER = 'snyk';

/** The identifiers that name the same vulnerability elsewhere. */
const ALIAS_KINDS = ['CVE', 'GHSA'];

const vulnerabilitySchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().nullish(),
  title: z.string().nullish(),
  severity: z.string(),
  severityWithCritical: z.string().nullish(),
  packageName: z.string(),
  version: z.string().nullish(),
  fixedIn: z.array(z.string()).nullish(),
  identifiers: z
    .record(z.string(), z.array(z.union([z.string(), z.number()])).nullish())
    .nullish(),
  isUpgradable: z.boolean().nullish(),
  isPatchable: z.boolean().nullish(),
});

const projectSchema = z.looseObject({
  ok: z.boolean(),
  packageManager: z.string(),
  vulnerabilities: z.array(vulnerabilitySchema),
  /** `snyk container test`: the application dependencies of the image. */
  applications: z
    .array(z.looseObject({ vulnerabilities: z.array(vulnerabilitySchema) }))
    .nullish(),
});

const errorSchema = z.looseObject({
  ok: z.literal(false),
  error: z.string(),
  path: z.string().nullish(),
});

/**
 * Reads `snyk test --json` and `snyk container test --json`: one project,
 * or the array of projects `--all-projects` writes. Snyk lists a
 * vulnerability once per dependency path; a finding is one vulnerability
 * in one version of one package, however many paths lead to it, across all
 * projects and the applications of a container. Licence issues are not
 * vulnerabilities and are not counted. A project Snyk could not test
 * refuses the file: the scan is incomplete.
 */
export const snykParser: EvidenceParser = {
  format: 'snyk-json',

  detect: input => {
    if (!looksLikeJson(input.text)) {
      return false;
    }
    let json: unknown;
    try {
      json = readJson(input);
    } catch {
      return false;
    }
    const projects = Array.isArray(json) ? json : [json];
    return (
      projects.length > 0 &&
      projects.every(project => isProject(project) || isError(project))
    );
  },

  parse: input => {
    const json = readJson(input);
    const items = Array.isArray(json) ? json : [json];
    if (items.length === 0) {
      throw new EvidenceRefusedError(
        'the Snyk report lists no projects: expected a project or an array of projects',
      );
    }
    const findings = items.flatMap((item, index) => {
      if (isRecord(item) && item.ok === false && item.error !== undefined) {
        refuseError(item);
      }
      const project = parseJsonShape({
        value: item,
        schema: projectSchema,
        expected: `a Snyk JSON report${
          Array.isArray(json) ? ` (project ${index})` : ''
        }`,
      });
      return [
        project.vulnerabilities,
        ...(project.applications ?? []).map(app => app.vulnerabilities),
      ]
        .flat()
        .filter(vulnerability => vulnerability.type !== 'license')
        .map(toFinding);
    });
    return summarizeFindings({ scanner: SCANNER, findings });
  },
};

function isProject(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value.vulnerabilities) &&
    typeof value.ok === 'boolean' &&
    typeof value.packageManager === 'string'
  );
}

/** What Snyk writes for a project it could not test. */
function isError(value: unknown): boolean {
  return (
    isRecord(value) &&
    value.ok === false &&
    typeof value.error === 'string' &&
    value.path !== undefined
  );
}

function refuseError(item: unknown): never {
  const { error, path } = parseJsonShape({
    value: item,
    schema: errorSchema,
    expected: 'a Snyk error report',
  });
  throw new EvidenceRefusedError(
    `Snyk could not test ${
      path ? `"${clipMessage(path)}"` : 'a project'
    }: ${clipMessage(error)}`,
  );
}

function toFinding(
  vulnerability: z.infer<typeof vulnerabilitySchema>,
): VulnerabilityFinding {
  const installed = vulnerability.version ?? undefined;
  const fixedIn = vulnerability.fixedIn ?? [];
  const identifiers = vulnerability.identifiers ?? {};
  return {
    id: vulnerability.id,
    aliases: ALIAS_KINDS.flatMap(kind =>
      (ownValue({ record: identifiers, key: kind }) ?? []).map(String),
    ),
    packageName: vulnerability.packageName,
    installedVersion: installed,
    fixedVersion: lowestFixedVersion({ installed, candidates: fixedIn }),
    // Older reports cap `severity` at high and say critical only here.
    severity: severityFromLabel(
      vulnerability.severityWithCritical ?? vulnerability.severity,
    ),
    title: clipMessage(vulnerability.title ?? undefined),
    fixAvailable:
      fixedIn.length > 0 ||
      vulnerability.isUpgradable === true ||
      vulnerability.isPatchable === true,
    source: SCANNER,
  };
}
