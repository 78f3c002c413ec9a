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
import { EvidenceParser } from '../types';
import { z } from 'zod';
import { clipMessage, firstLine, isRecord } from './parserUtils';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  lowestFixedVersion,
  severityFromLabel,
  summarizeFindings,
} from './vulnerabilityFindings';

const SCANNER = 'grype';

const matchSchema = z.looseObject({
  vulnerability: z.looseObject({
    id: z.string().min(1),
    severity: z.string().nullish(),
    description: z.string().nullish(),
    fix: z
      .looseObject({
        versions: z.array(z.string()).nullish(),
        state: z.string().nullish(),
      })
      .nullish(),
  }),
  relatedVulnerabilities: z.array(z.looseObject({ id: z.string() })).nullish(),
  artifact: z.looseObject({
    name: z.string(),
    version: z.string().nullish(),
  }),
});

const reportSchema = z.looseObject({
  matches: z.array(matchSchema),
  descriptor: z.looseObject({ name: z.string() }),
});

/**
 * Reads `grype -o json` reports. A finding is one match: a vulnerability
 * in one installed package; Grype's severities, `Negligible` included
 * (read as info), are kept as they are. The EPSS and risk figures of newer
 * reports are not read. `matches: []` is a clean scan.
 */
export const grypeParser: EvidenceParser = {
  format: 'grype-json',

  detect: input => {
    const json = readJsonObjectOrUndefined(input);
    return (
      json !== undefined &&
      Array.isArray(json.matches) &&
      isRecord(json.descriptor) &&
      json.descriptor.name === 'grype'
    );
  },

  parse: input => {
    const report = parseJsonShape({
      value: readJson(input),
      schema: reportSchema,
      expected: 'a Grype JSON report',
    });
    const findings = report.matches.map(toFinding);
    return summarizeFindings({ scanner: SCANNER, findings });
  },
};

function toFinding(match: z.infer<typeof matchSchema>): VulnerabilityFinding {
  const { vulnerability, artifact } = match;
  const installed = artifact.version ?? undefined;
  const versions = vulnerability.fix?.versions ?? [];
  const state = vulnerability.fix?.state;
  return {
    id: vulnerability.id,
    aliases: (match.relatedVulnerabilities ?? []).map(related => related.id),
    packageName: artifact.name,
    installedVersion: installed,
    fixedVersion: lowestFixedVersion({ installed, candidates: versions }),
    severity: severityFromLabel(vulnerability.severity),
    title: clipMessage(firstLine(vulnerability.description ?? undefined)),
    fixAvailable: fixAvailable({ versions, state }),
    source: SCANNER,
  };
}

/** `fixed` with versions; `not-fixed` and `wont-fix` without; else unsaid. */
function fixAvailable(options: {
  versions: string[];
  state?: string | null;
}): boolean | undefined {
  const { versions, state } = options;
  if (versions.length > 0 || state === 'fixed') {
    return true;
  }
  return state === 'not-fixed' || state === 'wont-fix' ? false : undefined;
}
