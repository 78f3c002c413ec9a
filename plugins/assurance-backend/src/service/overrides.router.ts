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
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  GateOverride,
  assuranceEvidenceReadPermission,
  assuranceOverrideApprovePermission,
  assuranceOverrideRequestPermission,
  overrideApproveSchema,
  overrideRejectSchema,
  overrideRequestSchema,
  sameActor,
} from '@real-app-forever/plugin-assurance-common';
import { Request } from 'express';
import Router from 'express-promise-router';
import { parseInput } from './parseInput';
import { DateTime } from 'luxon';
import { OverrideNotifier } from '../overrides/OverrideNotifier';
import { OverrideStore } from '../overrides/OverrideStore';
import { PolicyService } from '../policy/PolicyService';
import { EntityAccess } from './EntityAccess';

/**
 * Routes to request, decide and read time-bounded gate overrides
 * (SOP §6.3). Nobody decides their own request.
 */
export function createOverridesRouter(options: {
  access: EntityAccess;
  overrides: OverrideStore;
  policyService: PolicyService;
  notifier: OverrideNotifier;
  auditor: AuditorService;
  now?: () => Date;
}) {
  const { access, overrides, policyService, notifier, auditor } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  router.post(
    '/v1/entities/:kind/:namespace/:name/gates/:gate/overrides',
    async (req, res) => {
      const credentials = await access.credentials(req);
      const parsed = parseInput(overrideRequestSchema, req.body);
      const { entityRef, entity } = await access.entityFromRequest({
        req,
        permission: assuranceOverrideRequestPermission,
      });

      const gateId = req.params.gate;
      const policy = await policyService.getEffectivePolicy({ entity });
      const required = policy.requiredGates.map(gate => gate.value);
      if (!required.includes(gateId)) {
        throw new InputError(
          `Gate '${gateId}' is not required for ${entityRef}, so it cannot be overridden; required gates: ${
            required.join(', ') || 'none'
          }`,
        );
      }
      const requestedAt = now();
      const expiresAt = expiryOf({
        body: parsed,
        now: requestedAt,
        maxDays: policy.maxOverrideDays,
      });

      const actor = access.actorOf(credentials);
      const id = randomUUID();
      const auditEvent = await auditor.createEvent({
        eventId: 'override-request',
        severityLevel: 'medium',
        request: req,
        meta: { entityRef, gateId, overrideId: id },
      });
      const override = await overrides.createOverride({
        override: {
          id,
          entityRef,
          gateId,
          digest: parsed.digest,
          reason: parsed.reason,
          requestedBy: actor,
          requestedAt,
          expiresAt,
        },
        audit: {
          actor,
          action: 'override.request',
          entityRef,
          subjectId: id,
          details: {
            gateId,
            digest: parsed.digest ?? null,
            reason: parsed.reason,
            expiresAt: expiresAt.toISOString(),
            policyVersion: policy.version,
          },
        },
      });
      await auditEvent.success();
      await notifier.notifyBestEffort({ entity, override, event: 'requested' });
      res.status(201).json(override);
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/overrides',
    async (req, res) => {
      const { entityRef } = await access.entityFromRequest({
        req,
        permission: assuranceEvidenceReadPermission,
      });

      const items = await overrides.listOverrides({ entityRef, now: now() });
      res.json({ items });
    },
  );

  router.get('/v1/overrides/:id', async (req, res) => {
    const credentials = await access.credentials(req);
    const override = await requireOverride(req.params.id);
    await access.authorize({
      permission: assuranceEvidenceReadPermission,
      entityRef: override.entityRef,
      credentials,
    });
    res.json(override);
  });

  async function requireOverride(id: string): Promise<GateOverride> {
    const override = await overrides.getOverride({ id, now: now() });
    if (!override) {
      throw new NotFoundError(`No override with id '${id}'`);
    }
    return override;
  }

  async function decide(decision: {
    req: Request<{ id: string }>;
    credentials: Awaited<ReturnType<EntityAccess['credentials']>>;
    status: 'approved' | 'rejected';
    comment?: string;
  }): Promise<GateOverride> {
    const { req, credentials, status, comment } = decision;
    const found = await requireOverride(req.params.id);
    await access.authorize({
      permission: assuranceOverrideApprovePermission,
      entityRef: found.entityRef,
      credentials,
    });
    const actor = access.actorOf(credentials);
    if (sameActor(actor, found.requestedBy)) {
      throw new NotAllowedError(
        'you requested this override; another approver must decide',
      );
    }
    if (found.status !== 'pending') {
      throw new ConflictError(
        `Override ${found.id} is ${found.status}; only a pending request can be decided`,
      );
    }
    const entity = await access.requireEntity({
      entityRef: found.entityRef,
      credentials,
    });

    const auditEvent = await auditor.createEvent({
      eventId: 'override-decide',
      severityLevel: 'high',
      request: req,
      meta: { overrideId: found.id, entityRef: found.entityRef, status },
    });
    const decided = await overrides.decideOverride({
      id: found.id,
      status,
      decidedBy: actor,
      comment,
      now: now(),
      audit: {
        actor,
        action: status === 'approved' ? 'override.approve' : 'override.reject',
        entityRef: found.entityRef,
        subjectId: found.id,
        details: {
          gateId: found.gateId,
          requestedBy: found.requestedBy,
          expiresAt: found.expiresAt,
          comment: comment ?? null,
        },
      },
    });
    if (!decided) {
      const error = new ConflictError(
        `Override ${found.id} was decided or lapsed in the meantime; only a pending request can be decided`,
      );
      await auditEvent.fail({ error });
      throw error;
    }
    await auditEvent.success();
    await notifier.notifyBestEffort({
      entity,
      override: decided,
      event: status,
    });
    return decided;
  }

  router.post('/v1/overrides/:id/approve', async (req, res) => {
    const credentials = await access.credentials(req);
    const parsed = parseInput(overrideApproveSchema, req.body);
    const { comment } = parsed;
    res.json(await decide({ req, credentials, status: 'approved', comment }));
  });

  router.post('/v1/overrides/:id/reject', async (req, res) => {
    const credentials = await access.credentials(req);
    const parsed = parseInput(overrideRejectSchema, req.body);
    const { comment } = parsed;
    res.json(await decide({ req, credentials, status: 'rejected', comment }));
  });

  return router;
}

/**
 * When the requested override ends: in the future, and no later than the
 * policy's maximum allows.
 */
function expiryOf(options: {
  body: { expiresAt?: string; expiresInDays?: number };
  now: Date;
  maxDays: number;
}): Date {
  const { body, now, maxDays } = options;
  const start = DateTime.fromJSDate(now);
  const expiresAt = body.expiresAt
    ? DateTime.fromISO(body.expiresAt)
    : start.plus({ days: body.expiresInDays });
  if (expiresAt <= start) {
    throw new InputError('expiresAt must be in the future');
  }
  const latest = start.plus({ days: maxDays });
  if (expiresAt > latest) {
    throw new InputError(
      `An override may last at most ${maxDays} days under this entity's policy: expiresAt must be on or before ${latest
        .toUTC()
        .toISO()}`,
    );
  }
  return expiresAt.toJSDate();
}
