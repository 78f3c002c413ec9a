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
import { ConflictError } from '@backstage/errors';
import {
  EnvironmentState,
  PromotionDecision,
  PromotionRule,
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { evaluateEntityGates } from '../gates/evaluateEntityGates';
import { EntityEnvironments } from '../policy/entityEnvironments';
import { checkPromotion } from './promotionRules';
import {
  ReleaseEnvironments,
  ReleaseEnvironmentsOptions,
} from './ReleaseEnvironments';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads environments and decides promotions; the routes store what it
 * decides. Reading environments is {@link ReleaseEnvironments}' part.
 */
export class ReleaseService {
  private readonly environments: ReleaseEnvironments;

  constructor(private readonly options: ReleaseEnvironmentsOptions) {
    this.environments = new ReleaseEnvironments(options);
  }

  /**
   * The entity's environments in promotion order, where they come from
   * and what is wrong with its annotation, if anything.
   */
  environmentsOf(entity: Entity): EntityEnvironments {
    return this.environments.environmentsOf(entity);
  }

  /**
   * The environment's position among the entity's environments, or 400
   * naming the known ones when it is not one of them.
   */
  requireEnvironment(options: { entity: Entity; environment: string }): {
    order: number;
    all: string[];
  } {
    return this.environments.requireEnvironment(options);
  }

  ruleOf(options: {
    entity: Entity;
    environment: string;
    order: number;
  }): Promise<PromotionRule> {
    return this.environments.ruleOf(options);
  }

  /** Every environment, in order, with what runs there. */
  listEnvironments(options: {
    entity: Entity;
    entityRef: string;
    now: Date;
  }): Promise<EnvironmentState[]> {
    return this.environments.listEnvironments(options);
  }

  /**
   * Why the digest may not go to the environment; empty when it may.
   */
  async checkPromotion(options: {
    entity: Entity;
    entityRef: string;
    environment: string;
    digest: string;
    now: Date;
  }): Promise<{ rule: PromotionRule; reasons: string[] }> {
    const { entity, entityRef, environment, digest, now } = options;
    const { order, all } = this.requireEnvironment({ entity, environment });
    const rule = await this.ruleOf({ entity, environment, order });
    const [artifacts, gates, previousRun, active] = await Promise.all([
      this.options.store.listArtifacts({ entityRef }),
      evaluateEntityGates({
        ...this.options,
        entity,
        entityRef,
        digest,
        environment,
        requiredGates: rule.requiredGates,
        now,
      }),
      order > 0
        ? this.runOf({ entityRef, environment: all[order - 1], digest, now })
        : undefined,
      this.activeRelease({ entityRef, environment }),
    ]);
    const reasons = checkPromotion({
      digest,
      rule,
      digestKnown: artifacts.some(a => a.digest === digest),
      gates,
      previousStage: previousRun && { name: all[order - 1], ...previousRun },
      ...(active?.artifact.digest === digest && active.status === 'succeeded'
        ? { alreadyActive: { id: active.id, environment } }
        : {}),
    });
    return { rule, reasons };
  }

  private async activeRelease(options: {
    entityRef: string;
    environment: string;
  }): Promise<Release | undefined> {
    const { releases } = this.options;
    const id = (await releases.listActive({ entityRef: options.entityRef }))[
      options.environment
    ];
    return id ? releases.getRelease({ id }) : undefined;
  }

  /**
   * One request per digest and environment: while one waits for approval,
   * another would only be a second button for the same decision.
   */
  private async refuseDuplicateRequest(options: {
    entityRef: string;
    environment: string;
    request: { digest: string };
    now: Date;
  }): Promise<void> {
    const { entityRef, environment, request, now } = options;
    const pending = await this.options.releases.listReleases({
      entityRef,
      filter: { environment, status: ['pending-approval'] },
      now,
    });
    const waiting = pending.find(r => r.artifact.digest === request.digest);
    if (waiting) {
      throw new ConflictError(
        `${request.digest} already waits for approval in ${environment} (release ${waiting.id}, asked by ${waiting.actor}): an approver decides it, or its requester withdraws it first`,
      );
    }
  }

  /**
   * Whether the digest succeeded in the environment and, when not, what
   * became of its newest release there, so that a refusal can say.
   */
  private async runOf(options: {
    entityRef: string;
    environment: string;
    digest: string;
    now: Date;
  }): Promise<{ ranDigest: boolean; lastStatus?: ReleaseStatus }> {
    const { releases } = this.options;
    if (await releases.hasSucceeded(options)) {
      return { ranDigest: true };
    }
    const history = await releases.listReleases({
      entityRef: options.entityRef,
      filter: { environment: options.environment },
      now: options.now,
    });
    const last = history.find(r => r.artifact.digest === options.digest);
    return { ranDigest: false, lastStatus: last?.status };
  }

  /**
   * Decides a promotion and, unless refused, stores it (audited): a
   * `deploying` release, or a `pending-approval` one that lapses after
   * `approvalDays` where the rule requires approval.
   */
  async promote(options: {
    entity: Entity;
    entityRef: string;
    environment: string;
    request: {
      digest: string;
      name?: string;
      version?: string;
      reason?: string;
    };
    actor: string;
    id: string;
    now: Date;
  }): Promise<PromotionDecision> {
    const { entityRef, environment, request, actor, id, now } = options;
    const { rule, reasons } = await this.checkPromotion({
      ...options,
      digest: request.digest,
    });
    if (reasons.length > 0) {
      return { decision: 'refused', reasons };
    }
    if (rule.requireApproval) {
      await this.refuseDuplicateRequest({ ...options, now });
    }

    const artifacts = await this.options.store.listArtifacts({ entityRef });
    const known = artifacts.find(a => a.digest === request.digest);
    const status = rule.requireApproval ? 'pending-approval' : 'deploying';
    const release = await this.options.releases.createRelease({
      release: {
        id,
        entityRef,
        environment,
        artifact: {
          name: request.name ?? known?.name ?? entityRef,
          version: request.version ?? known?.version,
          digest: request.digest,
        },
        status,
        migrationStatus: 'none',
        actor,
        reason: request.reason,
        createdAt: now,
        ...(rule.requireApproval
          ? {
              approvalExpiresAt: new Date(
                now.getTime() + this.options.config.approvalDays * DAY_MS,
              ),
            }
          : {}),
      },
      audit: {
        actor,
        action: 'release.promote',
        entityRef,
        subjectId: id,
        details: { environment, digest: request.digest, status, rule },
      },
    });
    return rule.requireApproval
      ? {
          decision: 'pending-approval',
          reasons: [
            `${environment} requires approval by another user with assurance.release.approve`,
          ],
          release,
        }
      : { decision: 'promoted', reasons: [], release };
  }
}
