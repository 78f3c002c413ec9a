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

import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EnvironmentState,
  GateStatus,
  PromotionRule,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { EvidenceStore } from '../database/EvidenceStore';
import { evaluateEntityGates } from '../gates/evaluateEntityGates';
import { OverrideReader } from '../overrides/OverrideReader';
import {
  EntityEnvironments,
  resolveEntityEnvironments,
} from '../policy/entityEnvironments';
import { PolicyService } from '../policy/PolicyService';
import { ReleaseConfig, resolvePromotionRule } from './promotionRules';
import { ReleaseStore } from './ReleaseStore';
import { findRollbackTarget } from './rollbackTarget';
import { readRecentReleases } from './recentReleases';

/** What reading environments and deciding promotions draw on. */
export type ReleaseEnvironmentsOptions = {
  releases: ReleaseStore;
  store: EvidenceStore;
  policyService: PolicyService;
  overrides: OverrideReader;
  gates: ReadonlyMap<string, GateDefinition>;
  config: ReleaseConfig;
};

/**
 * Reads an entity's environments: their order, their promotion rules and
 * what runs in each.
 */
export class ReleaseEnvironments {
  constructor(private readonly options: ReleaseEnvironmentsOptions) {}

  /**
   * The entity's environments in promotion order, where they come from
   * and what is wrong with its annotation, if anything.
   */
  environmentsOf(entity: Entity): EntityEnvironments {
    const { policyService } = this.options;
    const { source, problems } = resolveEntityEnvironments({
      entity,
      configured: policyService.listEnvironments(),
    });
    return {
      environments: policyService.listEnvironments(entity),
      source,
      problems,
    };
  }

  /**
   * The environment's position among the entity's environments, or 400
   * naming the known ones when it is not one of them.
   */
  requireEnvironment(options: { entity: Entity; environment: string }): {
    order: number;
    all: string[];
  } {
    const { entity, environment } = options;
    const all = this.options.policyService.listEnvironments(entity);
    const order = all.indexOf(environment);
    if (order < 0) {
      throw new InputError(
        `Unknown environment '${environment}', known environments are ${
          all.join(', ') || 'none'
        }`,
      );
    }
    return { order, all };
  }

  async ruleOf(options: {
    entity: Entity;
    environment: string;
    order: number;
  }): Promise<PromotionRule> {
    const { entity, environment, order } = options;
    const policy = await this.options.policyService.getEffectivePolicy({
      entity,
      environment,
    });
    return resolvePromotionRule({
      environment,
      order,
      configured: this.options.config.rules[environment],
      policyRequiredGates: policy.requiredGates.map(gate => gate.value),
    });
  }

  /** Every environment, in order, with what runs there. */
  async listEnvironments(options: {
    entity: Entity;
    entityRef: string;
    now: Date;
  }): Promise<EnvironmentState[]> {
    const { entity, entityRef, now } = options;
    const { releases, policyService } = this.options;
    const active = await releases.listActive({ entityRef });
    return Promise.all(
      policyService.listEnvironments(entity).map(async (name, order) => {
        const here = await readRecentReleases({
          releases,
          entityRef,
          environment: name,
          activeId: active[name],
          now,
        });
        const activeRelease = here.find(r => r.id === active[name]) ?? null;
        const rolledBackRelease =
          activeRelease?.rollbackOf &&
          here.find(r => r.id === activeRelease.rollbackOf);
        const rule = await this.ruleOf({ entity, environment: name, order });
        return {
          name,
          order,
          rule,
          activeRelease,
          ...(activeRelease
            ? {
                activeGates: await this.gateStatuses({
                  entity,
                  entityRef,
                  environment: name,
                  digest: activeRelease.artifact.digest,
                  rule,
                  now,
                }),
              }
            : {}),
          rollbackTarget: findRollbackTarget({
            history: here,
            active: activeRelease,
          }),
          ...(rolledBackRelease ? { rolledBackRelease } : {}),
          pendingApprovals: here.filter(r => r.status === 'pending-approval'),
        };
      }),
    );
  }

  /** The gate status of a digest under the environment's rule, by gate. */
  private async gateStatuses(options: {
    entity: Entity;
    entityRef: string;
    environment: string;
    digest: string;
    rule: PromotionRule;
    now: Date;
  }): Promise<Record<string, GateStatus>> {
    const verdicts = await evaluateEntityGates({
      ...this.options,
      ...options,
      requiredGates: options.rule.requiredGates,
    });
    return Object.fromEntries(verdicts.gates.map(g => [g.id, g.status]));
  }
}
