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

import { randomUUID } from 'node:crypto';
import { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  PromotionDecision,
  assuranceEvidenceReadPermission,
  assuranceReleasePromotePermission,
  assuranceReleaseRecordPermission,
  promotionRequestSchema,
  releaseRecordSchema,
  releaseUpdateSchema,
} from '@real-app-forever/plugin-assurance-common';
import Router from 'express-promise-router';
import { ReleaseNotifier } from '../releases/ReleaseNotifier';
import { createReleaseActionsRouter } from '../releases/releaseActions.router';
import { createReleaseHistoryRouter } from '../releases/releaseHistory.router';
import {
  createReleaseRouteHelpers,
  deployedAtOf,
  requireEntityEvidence,
} from '../releases/releaseRouteHelpers';
import { parseInput } from './parseInput';
import { ReleaseService } from '../releases/ReleaseService';
import { ReleaseStore } from '../releases/ReleaseStore';
import { EntityAccess } from './EntityAccess';

/** A refusal is a decision the caller acts on, so it is not an error. */
const PROMOTION_STATUS: Record<PromotionDecision['decision'], number> = {
  promoted: 201,
  'pending-approval': 202,
  refused: 200,
};

/**
 * Routes to record deployments, promote a gated digest, approve guarded
 * promotions and roll back. The plugin records and decides; it does not
 * deploy.
 *
 * A promotion answers 201 `promoted`, 202 `pending-approval`, or 200
 * `refused` with the reasons: a refusal is a decision, not an error.
 */
export function createReleasesRouter(options: {
  access: EntityAccess;
  releases: ReleaseStore;
  releaseService: ReleaseService;
  notifier: ReleaseNotifier;
  auditor: AuditorService;
  now?: () => Date;
}) {
  const { access, releases, releaseService, notifier, auditor } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  const { entityFor, requireRelease } = createReleaseRouteHelpers(options);

  // First: its routes under .../releases/ are matched before any other.
  router.use(createReleaseHistoryRouter(options));

  router.post(
    '/v1/entities/:kind/:namespace/:name/releases',
    async (req, res) => {
      const { entity, entityRef, actor } = await entityFor(
        req,
        assuranceReleaseRecordPermission,
      );
      const body = parseInput(releaseRecordSchema, req.body);
      releaseService.requireEnvironment({
        entity,
        environment: body.environment,
      });
      const { deployedAt, evidenceIds, ...fields } = body;
      const recordedAt = now();
      const createdAt = deployedAtOf({ deployedAt, now: recordedAt });
      const linked = await requireEntityEvidence({
        releases,
        entityRef,
        evidenceIds,
      });

      const id = randomUUID();
      const auditEvent = await auditor.createEvent({
        eventId: 'release-record',
        severityLevel: 'medium',
        request: req,
        meta: { entityRef, releaseId: id, environment: body.environment },
      });
      const release = await releases
        .createRelease({
          release: {
            id,
            entityRef,
            ...fields,
            actor,
            createdAt,
            evidenceIds: linked,
          },
          now: recordedAt,
          audit: {
            actor,
            action: 'release.record',
            entityRef,
            subjectId: id,
            details: {
              ...body,
              ...(linked.length > 0 && { evidenceIds: linked }),
            },
          },
        })
        .catch(async error => {
          // Refused under the head's lock: still deploying, or older.
          await auditEvent.fail({ error });
          throw error;
        });
      await auditEvent.success();
      res.status(201).json(release);
    },
  );

  router.patch('/v1/releases/:id', async (req, res) => {
    const credentials = await access.credentials(req);
    const body = parseInput(releaseUpdateSchema, req.body);
    const found = await requireRelease(req.params.id);
    await access.authorize({
      permission: assuranceReleaseRecordPermission,
      entityRef: found.entityRef,
      credentials,
    });

    const entity = await access.requireEntity({
      entityRef: found.entityRef,
      credentials,
    });
    const actor = access.actorOf(credentials);
    const auditEvent = await auditor.createEvent({
      eventId: 'release-update',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef: found.entityRef, releaseId: found.id, ...body },
    });
    const updated = await releases.updateRelease({
      id: found.id,
      ...body,
      now: now(),
      audit: {
        actor,
        action: 'release.update',
        entityRef: found.entityRef,
        subjectId: found.id,
        details: { from: found.status, ...body },
      },
    });
    if (!updated) {
      const error = new ConflictError(
        `Release ${found.id} is ${found.status}; only a deploying release changes status`,
      );
      await auditEvent.fail({ error });
      throw error;
    }
    await auditEvent.success();
    if (updated.status === 'failed') {
      await notifier.notifyBestEffort({
        entity,
        release: updated,
        event: 'failed',
      });
    }
    res.json(updated);
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/environments',
    async (req, res) => {
      const { entity, entityRef } = await entityFor(
        req,
        assuranceEvidenceReadPermission,
      );
      const { source, problems } = releaseService.environmentsOf(entity);
      res.json({
        environments: await releaseService.listEnvironments({
          entity,
          entityRef,
          now: now(),
        }),
        source,
        ...(problems.length > 0 && { problems }),
      });
    },
  );

  router.post(
    '/v1/entities/:kind/:namespace/:name/environments/:env/promotions',
    async (req, res) => {
      const { entity, entityRef, actor } = await entityFor(
        req,
        assuranceReleasePromotePermission,
      );
      const body = parseInput(promotionRequestSchema, req.body);
      const environment = req.params.env;
      releaseService.requireEnvironment({ entity, environment });

      const auditEvent = await auditor.createEvent({
        eventId: 'release-promote',
        severityLevel: 'high',
        request: req,
        meta: { entityRef, environment, digest: body.digest },
      });
      const decision = await releaseService
        .promote({
          entity,
          entityRef,
          environment,
          request: body,
          actor,
          id: randomUUID(),
          now: now(),
        })
        .catch(async error => {
          // Refused under the head's lock: another release still deploys.
          await auditEvent.fail({ error });
          throw error;
        });
      await auditEvent.success({ meta: { decision: decision.decision } });
      if (decision.release) {
        await notifier.notifyBestEffort({
          entity,
          release: decision.release,
          event:
            decision.decision === 'promoted'
              ? 'promoted'
              : 'approval-requested',
        });
      }
      res.status(PROMOTION_STATUS[decision.decision]).json(decision);
    },
  );
  router.use(createReleaseActionsRouter(options));

  return router;
}
