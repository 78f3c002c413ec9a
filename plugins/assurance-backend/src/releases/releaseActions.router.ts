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
import {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  assuranceReleaseApprovePermission,
  assuranceReleasePromotePermission,
  assuranceReleaseRollbackPermission,
  rejectPromotionSchema,
  rollbackRequestSchema,
  sameActor,
} from '@real-app-forever/plugin-assurance-common';
import Router from 'express-promise-router';
import { EntityAccess } from '../service/EntityAccess';
import { ReleaseNotifier } from './ReleaseNotifier';
import { ReleaseService } from './ReleaseService';
import { ReleaseStore } from './ReleaseStore';
import { parseInput } from '../service/parseInput';
import { createReleaseRouteHelpers } from './releaseRouteHelpers';

/**
 * The guarded release actions: approving someone else's promotion (never
 * one's own, SOP §5.4), rejecting or withdrawing a promotion request, and
 * rolling an environment back to its target.
 */
export function createReleaseActionsRouter(options: {
  access: EntityAccess;
  releases: ReleaseStore;
  releaseService: ReleaseService;
  notifier: ReleaseNotifier;
  auditor: AuditorService;
  now?: () => Date;
}) {
  const { access, releases, releaseService, notifier, auditor } = options;
  const now = () => options.now?.() ?? new Date();
  const { entityFor, requireRelease } = createReleaseRouteHelpers(options);
  const router = Router();

  router.post('/v1/releases/:id/approve', async (req, res) => {
    const credentials = await access.credentials(req);
    const found = await requireRelease(req.params.id);
    await access.authorize({
      permission: assuranceReleaseApprovePermission,
      entityRef: found.entityRef,
      credentials,
    });
    const actor = access.actorOf(credentials);
    if (sameActor(actor, found.actor)) {
      throw new NotAllowedError(
        'you asked for this promotion; another approver must approve it',
      );
    }

    const entity = await access.requireEntity({
      entityRef: found.entityRef,
      credentials,
    });

    const auditEvent = await auditor.createEvent({
      eventId: 'release-approve',
      severityLevel: 'high',
      request: req,
      meta: { entityRef: found.entityRef, releaseId: found.id },
    });
    // The rule is decided again: since the request, a gate may have
    // failed or an override lapsed.
    if (found.status === 'pending-approval') {
      const { reasons } = await releaseService.checkPromotion({
        entity,
        entityRef: found.entityRef,
        environment: found.environment,
        digest: found.artifact.digest,
        now: now(),
      });
      if (reasons.length > 0) {
        const error = new ConflictError(
          `${found.artifact.digest} may no longer go to ${
            found.environment
          }: ${reasons.join('; ')}`,
        );
        await auditEvent.fail({ error });
        throw error;
      }
    }
    const approved = await releases
      .approveRelease({
        id: found.id,
        approvedBy: actor,
        now: now(),
        audit: {
          actor,
          action: 'release.approve',
          entityRef: found.entityRef,
          subjectId: found.id,
          details: {
            environment: found.environment,
            digest: found.artifact.digest,
            requestedBy: found.actor,
          },
        },
      })
      .catch(async error => {
        // Refused under the head's lock: another release still deploys.
        await auditEvent.fail({ error });
        throw error;
      });
    if (!approved) {
      throw await decidedConflict({
        id: found.id,
        auditEvent,
        releases,
        now: now(),
      });
    }
    await auditEvent.success();
    await notifier.notifyBestEffort({
      entity,
      release: approved,
      event: 'approved',
    });
    res.json(approved);
  });

  // Ends a promotion request without deploying it: an approver rejects
  // it, or its requester withdraws it (with the right to promote).
  router.post('/v1/releases/:id/reject', async (req, res) => {
    const credentials = await access.credentials(req);
    const found = await requireRelease(req.params.id);
    const actor = access.actorOf(credentials);
    const own = sameActor(actor, found.actor);
    await access
      .authorize({
        permission: own
          ? assuranceReleasePromotePermission
          : assuranceReleaseApprovePermission,
        entityRef: found.entityRef,
        credentials,
      })
      .catch(error => {
        if (own || !(error instanceof NotAllowedError)) {
          throw error;
        }
        throw new NotAllowedError(
          `Only its requester (${found.actor}) may withdraw this request; rejecting it needs ${assuranceReleaseApprovePermission.name} on ${found.entityRef}`,
        );
      });
    const body = parseInput(rejectPromotionSchema, req.body);
    const entity = await access.requireEntity({
      entityRef: found.entityRef,
      credentials,
    });

    const auditEvent = await auditor.createEvent({
      eventId: 'release-reject',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef: found.entityRef, releaseId: found.id },
    });
    const rejected = await releases.rejectRelease({
      id: found.id,
      rejectedBy: actor,
      status: own ? 'withdrawn' : 'rejected',
      reason: body.reason,
      now: now(),
      audit: {
        actor,
        action: own ? 'release.withdraw' : 'release.reject',
        entityRef: found.entityRef,
        subjectId: found.id,
        details: {
          environment: found.environment,
          digest: found.artifact.digest,
          requestedBy: found.actor,
          reason: body.reason,
        },
      },
    });
    if (!rejected) {
      throw await decidedConflict({
        id: found.id,
        auditEvent,
        releases,
        now: now(),
      });
    }
    await auditEvent.success();
    await notifier.notifyBestEffort({
      entity,
      release: rejected,
      event: 'rejected',
    });
    res.json(rejected);
  });

  router.post(
    '/v1/entities/:kind/:namespace/:name/environments/:env/rollbacks',
    async (req, res) => {
      const { entity, entityRef, actor } = await entityFor(
        req,
        assuranceReleaseRollbackPermission,
      );
      const body = parseInput(rollbackRequestSchema, req.body);
      const environment = req.params.env;
      releaseService.requireEnvironment({ entity, environment });

      const id = randomUUID();
      const auditEvent = await auditor.createEvent({
        eventId: 'release-rollback',
        severityLevel: 'high',
        request: req,
        meta: { entityRef, environment, releaseId: id },
      });
      const result = await releases.rollback({
        id,
        entityRef,
        environment,
        actor,
        reason: body.reason,
        now: now(),
        audit: (target, current) => ({
          actor,
          action: 'release.rollback',
          entityRef,
          subjectId: id,
          details: {
            environment,
            reason: body.reason,
            from: { id: current.id, digest: current.artifact.digest },
            to: { id: target.id, digest: target.artifact.digest },
          },
        }),
      });
      if (!result) {
        const error = new ConflictError(
          `${environment} has no rollback target: no earlier release succeeded there with a different digest`,
        );
        await auditEvent.fail({ error });
        throw error;
      }
      await auditEvent.success();
      await notifier.notifyBestEffort({
        entity,
        release: result.release,
        event: 'rolled-back',
      });
      res.status(201).json(result);
    },
  );

  return router;
}

/**
 * The 409 for a request that was decided, withdrawn or lapsed meanwhile,
 * with its audit event failed.
 */
async function decidedConflict(options: {
  id: string;
  auditEvent: AuditorServiceEvent;
  releases: ReleaseStore;
  now: Date;
}): Promise<ConflictError> {
  const { id, now } = options;
  const current = await options.releases.getRelease({ id, now });
  const error = new ConflictError(
    `Release ${id} no longer waits for approval: it is ${
      current?.status ?? 'gone'
    }`,
  );
  await options.auditEvent.fail({ error });
  return error;
}
