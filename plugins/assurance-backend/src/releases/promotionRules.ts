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
  EntityGates,
  PromotionRule,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { z } from 'zod';
import { ENVIRONMENT_NAME_PATTERN } from '../policy/entityEnvironments';

/** Pending promotions lapse after this many days unless configured. */
const DEFAULT_APPROVAL_DAYS = 7;

const ruleSchema = z
  .object({
    requiredGates: z.array(z.string().min(1)).optional(),
    requirePreviousStage: z.boolean().optional(),
    requireApproval: z.boolean().optional(),
  })
  .strict();

const rulesSchema = z.record(z.string(), ruleSchema);

/** A configured rule; what is left out takes its default. */
export type ConfiguredRule = z.infer<typeof ruleSchema>;

/** `assurance.environmentRules` and `assurance.promotionApprovalDays`. */
export interface ReleaseConfig {
  rules: Record<string, ConfiguredRule>;
  approvalDays: number;
}

/**
 * Reads and checks the promotion rules. A rule may name an environment
 * that is not in `assurance.environments` when it is a valid annotation
 * name: it applies to the entities whose `real-app-forever.dev/environments`
 * annotation names it (`annotationOnly` lists those). The first configured
 * stage has no previous stage to require.
 */
export function readReleaseConfig(options: {
  config: Config;
  environments: string[];
}): ReleaseConfig & { annotationOnly: string[] } {
  const { config, environments } = options;
  const parsed = rulesSchema.safeParse(
    config.getOptional('assurance.environmentRules') ?? {},
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid assurance.environmentRules: ${parsed.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  const annotationOnly: string[] = [];
  for (const [environment, rule] of Object.entries(parsed.data)) {
    const index = environments.indexOf(environment);
    if (index < 0 && !ENVIRONMENT_NAME_PATTERN.test(environment)) {
      throw new Error(
        `assurance.environmentRules names unknown environment '${environment}': it is not in assurance.environments (${environments.join(
          ', ',
        )}) and not a valid annotation environment name (lower-case letters, digits and -)`,
      );
    }
    if (index < 0) {
      annotationOnly.push(environment);
    }
    if (index === 0 && rule.requirePreviousStage) {
      throw new Error(
        `assurance.environmentRules.${environment}.requirePreviousStage cannot be true: it is the first stage`,
      );
    }
  }
  const approvalDays =
    config.getOptionalNumber('assurance.promotionApprovalDays') ??
    DEFAULT_APPROVAL_DAYS;
  if (!Number.isInteger(approvalDays) || approvalDays < 1) {
    throw new Error(
      'assurance.promotionApprovalDays must be a whole number of days, at least 1',
    );
  }
  return { rules: parsed.data, approvalDays, annotationOnly };
}

/**
 * The promotion rule of one environment: the configured values, else the
 * defaults. Required gates default to those the entity's effective policy
 * requires there; the previous stage is required everywhere but in the
 * first; approval is required in `prod` only.
 */
export function resolvePromotionRule(options: {
  environment: string;
  order: number;
  configured?: ConfiguredRule;
  policyRequiredGates: string[];
}): PromotionRule {
  const { environment, order, configured } = options;
  return {
    requiredGates: configured?.requiredGates ?? options.policyRequiredGates,
    requirePreviousStage: configured?.requirePreviousStage ?? order > 0,
    requireApproval: configured?.requireApproval ?? environment === 'prod',
  };
}

const LAST_STATUS_TEXT: Partial<Record<ReleaseStatus, string>> = {
  'rolled-back': 'was rolled back',
  failed: 'failed',
  deploying: 'is still deploying',
  'pending-approval': 'waits for approval',
  rejected: 'was rejected',
  withdrawn: 'was withdrawn',
  expired: 'expired without approval',
};

/**
 * Decides whether a digest may go to an environment; each unmet condition
 * is a reason. Pure.
 */
export function checkPromotion(options: {
  digest: string;
  rule: PromotionRule;
  /** Whether any evidence names the digest (build once, promote that). */
  digestKnown: boolean;
  /** The gate verdicts for the digest under the environment's rule. */
  gates: EntityGates;
  previousStage?: {
    name: string;
    ranDigest: boolean;
    /** Its newest release of the digest there, when it did not succeed. */
    lastStatus?: ReleaseStatus;
  };
  /** The environment's active release, when it runs this digest and ran well. */
  alreadyActive?: { id: string; environment: string };
}): string[] {
  const { digest, rule, gates, previousStage, alreadyActive } = options;
  if (!options.digestKnown) {
    return [
      `no evidence names this digest (${digest}): promote the artifact whose gates were evaluated`,
    ];
  }
  if (alreadyActive) {
    return [
      `${digest} already runs in ${alreadyActive.environment} (release ${alreadyActive.id}): there is nothing to promote`,
    ];
  }
  const reasons: string[] = [];
  for (const gateId of rule.requiredGates) {
    const result = gates.gates.find(gate => gate.id === gateId);
    if (!result) {
      reasons.push(`gate '${gateId}' is required but not known`);
    } else if (result.status !== 'passed' && result.status !== 'overridden') {
      reasons.push(
        `gate '${gateId}' is ${result.status} for ${digest}: ${result.reason}`,
      );
    }
  }
  if (rule.requirePreviousStage && previousStage && !previousStage.ranDigest) {
    const { name, lastStatus } = previousStage;
    reasons.push(
      lastStatus
        ? `the previous stage '${name}' has not run ${digest} successfully: its release there ${
            LAST_STATUS_TEXT[lastStatus] ?? `is ${lastStatus}`
          }`
        : `the previous stage '${name}' has not run ${digest} successfully`,
    );
  }
  return reasons;
}
