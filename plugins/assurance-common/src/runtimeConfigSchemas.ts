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
import { EnvironmentDrift, RuntimeConfigReport } from './policy';

/**
 * The largest runtime config document accepted, in bytes of its JSON.
 *
 * @public
 */
export const MAX_RUNTIME_CONFIG_BYTES = 256 * 1024;

/**
 * How deeply a runtime config document may nest objects and arrays.
 *
 * @public
 */
export const MAX_RUNTIME_CONFIG_DEPTH = 32;

/**
 * The body of `POST /v1/entities/{kind}/{namespace}/{name}/runtime-config`:
 * the config an environment runs, either as keys and values (flat, such as
 * `{ "gates.coverage.minLineRate": 0.8 }`, or nested) or as the effective
 * gate policy a pipeline used.
 *
 * @public
 */
export const runtimeConfigReportSchema = z.object({
  environment: z
    .string({ error: 'environment is required' })
    .trim()
    .min(1, 'environment is required')
    .max(64, 'environment must be at most 64 characters'),
  document: z
    .record(z.string(), z.unknown(), {
      error: 'document must be a JSON object',
    })
    .superRefine((document, ctx) => {
      const depth = depthOf(document, MAX_RUNTIME_CONFIG_DEPTH + 1);
      if (depth > MAX_RUNTIME_CONFIG_DEPTH) {
        ctx.addIssue({
          code: 'custom',
          message: `document must nest at most ${MAX_RUNTIME_CONFIG_DEPTH} levels deep`,
        });
        return;
      }
      const bytes = new TextEncoder().encode(JSON.stringify(document)).length;
      if (bytes > MAX_RUNTIME_CONFIG_BYTES) {
        ctx.addIssue({
          code: 'custom',
          message: `document must be at most ${MAX_RUNTIME_CONFIG_BYTES} bytes of JSON, not ${bytes}`,
        });
      }
    }),
});

/**
 * A runtime config report as sent.
 *
 * @public
 */
export type RuntimeConfigReportInput = z.infer<
  typeof runtimeConfigReportSchema
>;

/**
 * The answer to a runtime config report: what was stored and how it
 * compares with the expected config.
 *
 * @public
 */
export interface RuntimeConfigReportResult {
  report: RuntimeConfigReport;
  drift: EnvironmentDrift;
}

/** The nesting depth of a value, counting no further than `limit`. */
function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') {
    return 0;
  }
  if (limit <= 0) {
    return 1;
  }
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit - 1));
    if (deepest >= limit) {
      break;
    }
  }
  return deepest + 1;
}
