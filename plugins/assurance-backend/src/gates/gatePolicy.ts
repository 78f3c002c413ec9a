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

import { Config } from '@backstage/config';
import {
  RISK_LEVELS,
  RiskLevel,
} from '@real-app-forever/plugin-assurance-common';
import { z } from 'zod';

/**
 * Which gates each risk level requires.
 */
export interface GatePolicy {
  defaultRiskLevel: RiskLevel;
  requiredGates: Record<RiskLevel, string[]>;
}

/** The policy in force when app-config says nothing. */
export const DEFAULT_GATE_POLICY: GatePolicy = {
  defaultRiskLevel: 'high',
  requiredGates: {
    low: ['unit-tests'],
    medium: ['unit-tests', 'static-analysis', 'dependency-scan'],
    high: ['unit-tests', 'static-analysis', 'dependency-scan', 'sbom'],
  },
};

const riskLevelSchema = z.enum(RISK_LEVELS as [RiskLevel, ...RiskLevel[]]);

/**
 * Reads `assurance.gatePolicy` from config. Throws an error that names the
 * config key at fault, so that a bad policy stops the backend at startup.
 */
export function readGatePolicy(options: {
  config: Config;
  knownGates: ReadonlySet<string>;
}): GatePolicy {
  const raw = options.config.getOptional('assurance.gatePolicy') ?? {};
  const gateId = z.string().refine(id => options.knownGates.has(id), {
    error: issue =>
      `unknown gate '${issue.input}', known gates are ${[
        ...options.knownGates,
      ].join(', ')}`,
  });
  const levelSchema = z
    .object({ requiredGates: z.array(gateId).optional() })
    .strict();
  const schema = z
    .object({
      defaultRiskLevel: riskLevelSchema.optional(),
      riskLevels: z
        .object({
          low: levelSchema.optional(),
          medium: levelSchema.optional(),
          high: levelSchema.optional(),
        })
        .strict()
        .optional(),
    })
    .strict();

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(
        issue =>
          `assurance.gatePolicy${issue.path
            .map(p => `.${String(p)}`)
            .join('')}: ${issue.message}`,
      )
      .join('; ');
    throw new Error(`Invalid gate policy in app-config: ${problems}`);
  }

  const levels = parsed.data.riskLevels ?? {};
  return {
    defaultRiskLevel:
      parsed.data.defaultRiskLevel ?? DEFAULT_GATE_POLICY.defaultRiskLevel,
    requiredGates: Object.fromEntries(
      RISK_LEVELS.map(level => [
        level,
        [
          ...new Set(
            levels[level]?.requiredGates ??
              DEFAULT_GATE_POLICY.requiredGates[level],
          ),
        ],
      ]),
    ) as Record<RiskLevel, string[]>,
  };
}

/**
 * The risk level an entity's annotation asks for. An unset annotation gets
 * the policy's default; a value that is not a risk level gets `high`, so
 * that a typo never loosens the gates.
 */
export function resolveRiskLevel(options: {
  annotation: string | undefined;
  policy: GatePolicy;
}): RiskLevel {
  if (options.annotation === undefined) {
    return options.policy.defaultRiskLevel;
  }
  const parsed = riskLevelSchema.safeParse(
    options.annotation.trim().toLocaleLowerCase('en-US'),
  );
  return parsed.success ? parsed.data : 'high';
}
