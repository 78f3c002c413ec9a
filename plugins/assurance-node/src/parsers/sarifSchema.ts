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
 * The parts of a SARIF 2.1.0 log that the parser reads. Objects are loose
 * (other properties pass through unchecked) and optional properties accept
 * `null`, which several producers write for "absent".
 */

const multiformatMessageSchema = z.looseObject({
  text: z.string().nullish(),
  markdown: z.string().nullish(),
});

const messageStringsSchema = z.record(z.string(), multiformatMessageSchema);

const reportingDescriptorSchema = z.looseObject({
  id: z.string().nullish(),
  shortDescription: multiformatMessageSchema.nullish(),
  messageStrings: messageStringsSchema.nullish(),
  defaultConfiguration: z
    .looseObject({ level: z.string().nullish() })
    .nullish(),
});

const toolComponentSchema = z.looseObject({
  name: z.string().nullish(),
  rules: z.array(reportingDescriptorSchema).nullish(),
  globalMessageStrings: messageStringsSchema.nullish(),
});

const resultSchema = z.looseObject({
  ruleId: z.string().nullish(),
  ruleIndex: z.number().int().nullish(),
  rule: z
    .looseObject({
      id: z.string().nullish(),
      index: z.number().int().nullish(),
      toolComponent: z
        .looseObject({
          index: z.number().int().nullish(),
          name: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  kind: z.string().nullish(),
  level: z.string().nullish(),
  message: z
    .looseObject({
      text: z.string().nullish(),
      markdown: z.string().nullish(),
      id: z.string().nullish(),
      arguments: z.array(z.unknown()).nullish(),
    })
    .nullish(),
  suppressions: z
    .array(z.looseObject({ status: z.string().nullish() }))
    .nullish(),
  locations: z
    .array(
      z.looseObject({
        physicalLocation: z
          .looseObject({
            artifactLocation: z
              .looseObject({ uri: z.string().nullish() })
              .nullish(),
            region: z
              .looseObject({ startLine: z.number().nullish() })
              .nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
});

const runSchema = z.looseObject({
  tool: z.looseObject({
    driver: toolComponentSchema.extend({ name: z.string() }),
    extensions: z.array(toolComponentSchema).nullish(),
  }),
  results: z.array(resultSchema).nullish(),
});

// NOTE: compiled ahead of time: a valid log (thousands of results) takes
// zod's generated fast path; an invalid one falls back to the regular
// parser, which reports the same issues.
export const sarifLogSchema = z.compile(
  z.looseObject({
    version: z.string().nullish(),
    runs: z.array(runSchema),
  }),
);

export type SarifRun = z.infer<typeof runSchema>;
export type SarifResult = z.infer<typeof resultSchema>;
export type SarifRule = z.infer<typeof reportingDescriptorSchema>;
export type SarifToolComponent = z.infer<typeof toolComponentSchema>;
