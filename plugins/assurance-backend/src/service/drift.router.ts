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

import { AuditorService } from '@backstage/backend-plugin-api';
import {
  MAX_RUNTIME_CONFIG_BYTES,
  assuranceEvidenceReadPermission,
  assuranceRuntimeConfigReportPermission,
  runtimeConfigReportSchema,
} from '@real-app-forever/plugin-assurance-common';
import express from 'express';
import Router from 'express-promise-router';
import { parseInput } from './parseInput';
import { DriftService } from '../drift/DriftService';
import { EntityAccess } from './EntityAccess';

/** Room for the environment and the JSON around the document. */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * Routes to report the config an environment runs and to read each
 * environment's drift from the effective policy (SOP §8.4). Mount it
 * before any smaller JSON body limit: it parses its own, larger bodies.
 */
export function createDriftRouter(options: {
  access: EntityAccess;
  drift: DriftService;
  auditor: AuditorService;
  now?: () => Date;
}) {
  const { access, drift, auditor } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  router.post(
    '/v1/entities/:kind/:namespace/:name/runtime-config',
    express.json({ limit: MAX_RUNTIME_CONFIG_BYTES + ENVELOPE_BYTES }),
    async (req, res) => {
      const credentials = await access.credentials(req);
      const parsed = parseInput(runtimeConfigReportSchema, req.body);
      const { entityRef, entity } = await access.entityFromRequest({
        req,
        permission: assuranceRuntimeConfigReportPermission,
      });

      const { environment, document } = parsed;
      const auditEvent = await auditor.createEvent({
        eventId: 'runtime-config-report',
        severityLevel: 'low',
        request: req,
        meta: { entityRef, environment },
      });
      try {
        const result = await drift.report({
          entity,
          entityRef,
          environment,
          document,
          actor: access.actorOf(credentials),
          now: now(),
        });
        await auditEvent.success({
          meta: {
            reportId: result.report.id,
            version: result.report.version,
            status: result.drift.status,
          },
        });
        res.status(201).json(result);
      } catch (error) {
        await auditEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get('/v1/entities/:kind/:namespace/:name/drift', async (req, res) => {
    const { entityRef, entity } = await access.entityFromRequest({
      req,
      permission: assuranceEvidenceReadPermission,
    });

    const environments = await drift.getDrift({ entity, entityRef });
    res.json({ environments });
  });

  return router;
}
