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

import {
  assuranceEvidenceReadPermission,
  evidenceListQuerySchema,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { parseInput } from './parseInput';
import { z } from 'zod';
import { EvidenceStore } from '../database/EvidenceStore';
import { evaluateEntityGates } from '../gates/evaluateEntityGates';
import { OverrideReader } from '../overrides/OverrideReader';
import { PolicyService } from '../policy/PolicyService';
import { EntityAccess, EntityParams } from './EntityAccess';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { writeEvidenceArchive } from './evidenceArchive';

/** The query of the gates route. */
const gatesQuerySchema = z.object({
  digest: z
    .string({ error: 'digest must be a single value' })
    .trim()
    .regex(
      /^[a-z0-9]+:[a-f0-9]{32,128}$/i,
      'digest must look like sha256:<hex>',
    )
    .transform(digest => digest.toLocaleLowerCase('en-US'))
    .optional(),
  environment: z
    .string({ error: 'environment must be a single name' })
    .trim()
    .min(1, 'environment must not be empty')
    .max(63, 'environment must be at most 63 characters')
    .optional(),
});

/**
 * Routes that read one entity's evidence and gate verdicts.
 */
export function createEntityRouter(options: {
  access: EntityAccess;
  store: EvidenceStore;
  policyService: PolicyService;
  overrides: OverrideReader;
  gates: ReadonlyMap<string, GateDefinition>;
  lifecycle: DatabaseLifecycleStore;
  now?: () => Date;
}) {
  const { access, store, policyService, overrides, gates, lifecycle } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  const readableEntity = (req: Request<EntityParams>) =>
    access.entityFromRequest({
      req,
      permission: assuranceEvidenceReadPermission,
    });

  router.get(
    '/v1/entities/:kind/:namespace/:name/evidence',
    async (req, res) => {
      const query = parseInput(evidenceListQuerySchema, req.query);
      const { entityRef } = await readableEntity(req);

      const { limit, cursor, ...filter } = query;
      const page = await store.listEvidence({
        entityRef,
        limit,
        cursor,
        filter,
      });
      res.json(page);
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/evidence/export',
    async (req, res) => {
      const { entityRef } = await readableEntity(req);
      await writeEvidenceArchive({
        entityRef,
        records: lifecycle.exportEvidence({ entityRef }),
        res,
        now: now(),
      });
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/artifacts',
    async (req, res) => {
      const { entityRef } = await readableEntity(req);
      res.json({ items: await store.listArtifacts({ entityRef }) });
    },
  );

  router.get('/v1/entities/:kind/:namespace/:name/gates', async (req, res) => {
    const { entityRef, entity } = await readableEntity(req);
    const query = parseInput(gatesQuerySchema, req.query);
    const { digest, environment } = query;
    const environments = policyService.listEnvironments(entity);
    if (environment !== undefined && !environments.includes(environment)) {
      throw new InputError(
        `Unknown environment '${environment}', known environments are ${
          environments.join(', ') || 'none'
        }`,
      );
    }

    res.json(
      await evaluateEntityGates({
        entity,
        entityRef,
        store,
        policyService,
        overrides,
        gates,
        digest,
        environment,
        now: now(),
      }),
    );
  });

  return router;
}
