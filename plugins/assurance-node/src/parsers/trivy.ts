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
import {
  EvidenceParser,
  EvidenceParserInput,
  EvidenceRefusedError,
} from '../types';
import { z } from 'zod';
import { clipMessage, firstLine, isRecord } from './parserUtils';
import { looksLikeJson, parseJsonShape, readJson } from './readJson';
import {
  lowestFixedVersion,
  severityFromLabel,
  summarizeFindings,
} from './vulnerabilityFindings';

const SCANNER = 'trivy';

/** What stands in for a secret in the stored report. */
const REDACTED = 'REDACTED';

/** Result classes of package (vulnerability) scanning. */
const PACKAGE_CLASSES = ['os-pkgs', 'lang-pkgs'];

const vulnerabilitySchema = z.looseObject({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string(),
  InstalledVersion: z.string().nullish(),
  FixedVersion: z.string().nullish(),
  Severity: z.string().nullish(),
  Title: z.string().nullish(),
  Description: z.string().nullish(),
  Status: z.string().nullish(),
});

const resultSchema = z.looseObject({
  Target: z.string(),
  Class: z.string().nullish(),
  Vulnerabilities: z.array(vulnerabilitySchema).nullish(),
});

const reportSchema = z.looseObject({
  SchemaVersion: z.literal(2),
  Results: z.array(resultSchema).nullish(),
});

type TrivyResult = z.infer<typeof resultSchema>;

/**
 * Reads `trivy --format json` reports: the current form (`SchemaVersion`
 * 2) and the top-level array of results of Trivy before 0.20.
 *
 * A finding is one entry of a result's `Vulnerabilities`, whatever its
 * `Status`. A package result without vulnerabilities (the key absent or
 * null) is a clean scan of that target. Misconfigurations, secrets and
 * licences that Trivy can report next to vulnerabilities are not counted;
 * a report with none of its results from package scanning is refused, as
 * it is not a vulnerability scan, and so is a report without results,
 * which shows no scanned target at all. Secret values a report holds are
 * never stored: see `redact`.
 */
export const trivyParser: EvidenceParser = {
  format: 'trivy-json',

  detect: input => {
    if (!looksLikeJson(input.text)) {
      return false;
    }
    const json = readJsonOrUndefined(input);
    if (Array.isArray(json)) {
      return json.length > 0 && json.every(isLegacyResult);
    }
    return (
      isRecord(json) &&
      typeof json.SchemaVersion === 'number' &&
      (json.Results !== undefined || json.ArtifactName !== undefined)
    );
  },

  parse: input => {
    const results = readResults(input);
    const scanned = results.filter(isPackageResult);
    if (scanned.length === 0) {
      throw new EvidenceRefusedError(noVulnerabilityScan(results));
    }
    const findings = scanned.flatMap(result =>
      (result.Vulnerabilities ?? []).map(toFinding),
    );
    return summarizeFindings({ scanner: SCANNER, findings });
  },

  /**
   * Trivy's secret findings quote the matched text (`Match`) and the lines
   * around it (`Code.Lines`), which may hold other secrets: all of it is
   * replaced. A report without secret findings is kept as it came.
   */
  redact: input => {
    const json = readJson(input);
    const results = Array.isArray(json) ? json : resultsOf(json);
    const hasSecrets = results.some(
      result => isRecord(result) && Array.isArray(result.Secrets),
    );
    if (!hasSecrets) {
      return input.text;
    }
    const redactResults = (items: unknown[]) => items.map(redactResult);
    const redacted = Array.isArray(json)
      ? redactResults(json)
      : { ...(json as object), Results: redactResults(results) };
    return JSON.stringify(redacted, null, 2);
  },
};

function resultsOf(report: unknown): unknown[] {
  return isRecord(report) && Array.isArray(report.Results)
    ? report.Results
    : [];
}

function readJsonOrUndefined(input: EvidenceParserInput): unknown {
  try {
    return readJson(input);
  } catch {
    return undefined;
  }
}

/** A result of the array form: it has a target and a package type. */
function isLegacyResult(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.Target === 'string' &&
    (value.Type !== undefined || value.Vulnerabilities !== undefined)
  );
}

function readResults(input: EvidenceParserInput): TrivyResult[] {
  const json = readJson(input);
  if (Array.isArray(json)) {
    return parseJsonShape({
      value: json,
      schema: z.array(resultSchema),
      expected: 'a Trivy JSON report (array form, before Trivy 0.20)',
    });
  }
  if (isRecord(json) && json.SchemaVersion === undefined) {
    throw new EvidenceRefusedError(
      'not a Trivy JSON report: expected "SchemaVersion" 2, or an array of results',
    );
  }
  if (isRecord(json) && json.SchemaVersion !== 2) {
    throw new EvidenceRefusedError(
      `Trivy JSON schema version ${String(
        json.SchemaVersion,
      )} is not supported (expected 2)`,
    );
  }
  const report = parseJsonShape({
    value: json,
    schema: reportSchema,
    expected: 'a Trivy JSON report',
  });
  return report.Results ?? [];
}

/**
 * A result of package scanning. Trivy leaves `Vulnerabilities` out when a
 * package target has none, so the class decides; results of the array form
 * have no class and come from package scanning only.
 */
function isPackageResult(result: TrivyResult): boolean {
  return (
    result.Vulnerabilities !== undefined ||
    !result.Class ||
    PACKAGE_CLASSES.includes(result.Class)
  );
}

function noVulnerabilityScan(results: TrivyResult[]): string {
  if (results.length === 0) {
    return 'the Trivy report has no results, so it shows no scanned target; scan an image, file system or repository with the vuln scanner';
  }
  const classes = [...new Set(results.map(result => `"${result.Class}"`))];
  return `the Trivy report holds no vulnerability scan (its results are of class ${classes.join(
    ', ',
  )}); run Trivy with --scanners vuln. Misconfigurations and secrets are not read from Trivy JSON`;
}

function toFinding(
  vulnerability: z.infer<typeof vulnerabilitySchema>,
): VulnerabilityFinding {
  const installed = vulnerability.InstalledVersion ?? undefined;
  // Trivy lists one fixed version per release line: "2.8.2, 3.0.2".
  const fixedVersion = lowestFixedVersion({
    installed,
    candidates: vulnerability.FixedVersion?.split(',') ?? [],
  });
  return {
    id: vulnerability.VulnerabilityID,
    packageName: vulnerability.PkgName,
    installedVersion: installed,
    fixedVersion,
    severity: severityFromLabel(vulnerability.Severity),
    title: clipMessage(
      vulnerability.Title ?? firstLine(vulnerability.Description ?? undefined),
    ),
    fixAvailable: fixAvailable({ fixedVersion, status: vulnerability.Status }),
    source: SCANNER,
  };
}

/** Statuses under which the vendor has published no fix. */
const UNFIXED_STATUSES = [
  'affected',
  'will_not_fix',
  'fix_deferred',
  'end_of_life',
];

function fixAvailable(options: {
  fixedVersion?: string;
  status?: string | null;
}): boolean | undefined {
  const { fixedVersion, status } = options;
  if (fixedVersion || status === 'fixed') {
    return true;
  }
  return status && UNFIXED_STATUSES.includes(status) ? false : undefined;
}

function redactResult(result: unknown): unknown {
  if (!isRecord(result) || !Array.isArray(result.Secrets)) {
    return result;
  }
  return {
    ...result,
    Secrets: result.Secrets.map(secret => {
      if (!isRecord(secret)) {
        return REDACTED;
      }
      const redacted: Record<string, unknown> = { ...secret };
      if ('Match' in redacted) {
        redacted.Match = REDACTED;
      }
      if ('Code' in redacted) {
        redacted.Code = redactCode(redacted.Code);
      }
      return redacted;
    }),
  };
}

function redactCode(code: unknown): unknown {
  if (!isRecord(code) || !Array.isArray(code.Lines)) {
    return REDACTED;
  }
  return {
    ...code,
    Lines: code.Lines.map(line =>
      isRecord(line)
        ? {
            ...line,
            ...('Content' in line ? { Content: REDACTED } : {}),
            ...('Highlighted' in line ? { Highlighted: REDACTED } : {}),
          }
        : REDACTED,
    ),
  };
}
