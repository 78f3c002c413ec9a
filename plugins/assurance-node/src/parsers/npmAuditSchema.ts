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

import { z } from 'zod';

/**
 * The parts of `npm audit --json` output that the parser reads, for both
 * report shapes. Objects are loose: other properties pass unchecked.
 */

/** npm 7 and later (`auditReportVersion: 2`): one entry per package. */
export const npmAuditV2Schema = z.looseObject({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.looseObject({
      name: z.string().nullish(),
      severity: z.string(),
      via: z
        .array(
          z.union([
            z.string(),
            z.looseObject({
              source: z.union([z.number(), z.string()]).nullish(),
              title: z.string().nullish(),
              url: z.string().nullish(),
            }),
          ]),
        )
        .nullish(),
      fixAvailable: z
        .union([
          z.boolean(),
          z.looseObject({
            name: z.string().nullish(),
            version: z.string().nullish(),
          }),
        ])
        .nullish(),
    }),
  ),
});

/** npm 6: one entry per advisory. */
export const npmAuditV1Schema = z.looseObject({
  advisories: z.record(
    z.string(),
    z.looseObject({
      id: z.union([z.number(), z.string()]).nullish(),
      github_advisory_id: z.string().nullish(),
      url: z.string().nullish(),
      module_name: z.string(),
      severity: z.string(),
      title: z.string().nullish(),
      patched_versions: z.string().nullish(),
      cves: z.array(z.string()).nullish(),
      findings: z
        .array(z.looseObject({ version: z.string().nullish() }))
        .nullish(),
    }),
  ),
});

/** What npm prints instead of a report when the audit itself fails. */
export const npmAuditErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string().nullish(),
    summary: z.string().nullish(),
    detail: z.string().nullish(),
  }),
});
