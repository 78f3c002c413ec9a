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
import {
  RISK_LEVEL_ANNOTATION,
  assuranceEvidenceReadPermission,
  describeZodError,
  evidenceListQuerySchema,
} from '@real-app-forever/plugin-assurance-common';
import { InputError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { EvidenceStore } from '../database/EvidenceStore';
import { GateDefinition } from '../gates/gateDefinitions';
import { GatePolicy, resolveRiskLevel } from '../gates/gatePolicy';
import { evaluateGates } from '../gates/evaluateGates';
import { EntityAccess } from './EntityAccess';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { writeEvidenceArchive } from './evidenceArchive';

/**
 * Routes that read one entity's evidence and gate verdicts.
 */
export function createEntityRouter(options: {
  access: EntityAccess;
  store: EvidenceStore;
  policy: GatePolicy;
  gates: ReadonlyMap<string, GateDefinition>;
  lifecycle: DatabaseLifecycleStore;
  now?: () => Date;
}) {
  const { access, store, policy, gates, lifecycle } = options;
  const now = () => options.now?.() ?? new Date();
  const router = Router();

  async function readableEntity(
    req: Request<{ kind: string; namespace: string; name: string }>,
  ): Promise<{ entityRef: string; entity: Entity }> {
    const credentials = await access.credentials(req);
    const { kind, namespace, name } = req.params;
    const entityRef = access.normalize(`${kind}:${namespace}/${name}`);
    const entity = await access.requireEntity({ entityRef, credentials });
    await access.authorize({
      permission: assuranceEvidenceReadPermission,
      entityRef,
      credentials,
    });
    return { entityRef, entity };
  }

  router.get(
    '/v1/entities/:kind/:namespace/:name/evidence',
    async (req, res) => {
      const query = evidenceListQuerySchema.safeParse(req.query);
      if (!query.success) {
        throw new InputError(describeZodError(query.error));
      }
      const { entityRef } = await readableEntity(req);

      const { limit, cursor, ...filter } = query.data;
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

    const riskLevel = resolveRiskLevel({
      annotation: entity.metadata.annotations?.[RISK_LEVEL_ANNOTATION],
      policy,
    });
    const formats = [
      ...new Set(
        policy.requiredGates[riskLevel].flatMap(
          id => gates.get(id)?.formats ?? [],
        ),
      ),
    ];
    const evidence = await store.listLatestExecutionEvidence({
      entityRef,
      formats,
    });
    res.json(
      evaluateGates({
        entityRef,
        riskLevel,
        policy,
        gates,
        evidence,
        now: now(),
      }),
    );
  });

  return router;
}
