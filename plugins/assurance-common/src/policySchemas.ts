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
import { RISK_LEVELS, RiskLevel, SEVERITIES, Severity } from './types';

/**
 * The annotation that picks an entity's gate policy: the name of a profile
 * in `assurance.gatePolicy.profiles`, or an inline policy layer as JSON,
 * `{"requiredGates": [...], "gates": {...}}`.
 *
 * @public
 */
export const GATE_POLICY_ANNOTATION = 'real-app-forever.dev/gate-policy';

/**
 * How lenient a `maxSeverity` is, from `none` (0, no finding allowed) to
 * `critical` (5, no severity forbidden). `unknown` ranks with `critical`:
 * as a maximum it forbids no severity either, so a layer may not loosen
 * `high` to `unknown`, and `critical` to `unknown` is no loosening.
 *
 * @public
 */
export function severityRank(severity: Severity | 'none'): number {
  const order: Record<Severity | 'none', number> = {
    none: 0,
    info: 1,
    low: 2,
    medium: 3,
    high: 4,
    critical: 5,
    unknown: 5,
  };
  return order[severity];
}

const MAX_SEVERITIES = ['none', ...SEVERITIES] as [
  Severity | 'none',
  ...Array<Severity | 'none'>,
];

const count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative');

function isRegExp(pattern: string): boolean {
  try {
    return new RegExp(pattern) instanceof RegExp;
  } catch {
    return false;
  }
}

/**
 * The thresholds and switches of one gate (`GateSettings`).
 *
 * @public
 */
export const gateSettingsSchema = z
  .object({
    freshnessDays: z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .optional(),
    maxSeverity: z
      .enum(MAX_SEVERITIES, {
        error: `must be one of ${MAX_SEVERITIES.join(', ')}`,
      })
      .optional(),
    maxFindings: z
      .partialRecord(
        z.enum(SEVERITIES as [Severity, ...Severity[]], {
          error: `must be one of ${SEVERITIES.join(', ')}`,
        }),
        count,
      )
      .optional(),
    maxErrors: count.optional(),
    maxWarnings: count.optional(),
    minLineRate: z
      .number({ error: 'must be a number between 0 and 1' })
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
      .optional(),
    minScore: z
      .number({ error: 'must be a number between 0 and 10' })
      .min(0, 'must be between 0 and 10')
      .max(10, 'must be between 0 and 10')
      .optional(),
    requireVerifiedSignature: z
      .boolean({ error: 'must be true or false' })
      .optional(),
    suitePattern: z
      .string({ error: 'must be a regular expression' })
      .min(1, 'must not be empty')
      .max(500, 'must be at most 500 characters')
      .refine(isRegExp, 'must be a valid regular expression')
      .optional(),
  })
  .strict();

/**
 * One layer of gate policy (`GatePolicyLayer`): gates it adds and the
 * settings it sets. Gate ids are checked against the installed gates by the
 * backend.
 *
 * @public
 */
export const gatePolicyLayerSchema = z
  .object({
    requiredGates: z
      .array(z.string({ error: 'must be a gate id' }).min(1), {
        error: 'must be a list of gate ids',
      })
      .optional(),
    gates: z
      .record(z.string(), gateSettingsSchema, {
        error: 'must map gate ids to settings',
      })
      .optional(),
  })
  .strict();

const layers = z
  .record(z.string(), gatePolicyLayerSchema, {
    error: 'must map names to policy layers',
  })
  .optional();

/**
 * `assurance.gatePolicy` in app-config: the platform's policy and the
 * layers above it.
 *
 * @public
 */
export const gatePolicyConfigSchema = z
  .object({
    defaultRiskLevel: z
      .enum(RISK_LEVELS as [RiskLevel, ...RiskLevel[]], {
        error: `must be one of ${RISK_LEVELS.join(', ')}`,
      })
      .optional(),
    allowLowering: z.boolean({ error: 'must be true or false' }).optional(),
    maxOverrideDays: z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(366, 'must be at most 366 days')
      .optional(),
    gates: z
      .record(z.string(), gateSettingsSchema, {
        error: 'must map gate ids to settings',
      })
      .optional(),
    riskLevels: z
      .object({
        low: gatePolicyLayerSchema.optional(),
        medium: gatePolicyLayerSchema.optional(),
        high: gatePolicyLayerSchema.optional(),
      })
      .strict()
      .optional(),
    groups: layers,
    systems: layers,
    profiles: layers,
    environments: layers,
  })
  .strict();

/**
 * Parsed `assurance.gatePolicy`.
 *
 * @public
 */
export type GatePolicyConfig = z.infer<typeof gatePolicyConfigSchema>;

/**
 * `assurance.environments` in app-config: the environments policy and drift
 * know, in order.
 *
 * @public
 */
export const environmentsSchema = z
  .array(
    z
      .string({ error: 'must be an environment name' })
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,62}$/i,
        'must be letters, digits, - and _, at most 63 characters',
      ),
    { error: 'must be a list of environment names' },
  )
  .min(1, 'must name at least one environment')
  .refine(names => new Set(names).size === names.length, {
    error: 'must not name an environment twice',
  });

/**
 * Query parameters of `GET /v1/entities/{ref}/policy`.
 *
 * @public
 */
export const policyQuerySchema = z.object({
  environment: z
    .string({ error: 'environment must be a single name' })
    .trim()
    .min(1, 'environment must not be empty')
    .max(63, 'environment must be at most 63 characters')
    .optional(),
});
