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

import { InputError } from '@backstage/errors';
import {
  assuranceEvidenceReadPermission,
  policyQuerySchema,
} from '@real-app-forever/plugin-assurance-common';
import Router from 'express-promise-router';
import { parseInput } from './parseInput';
import { PolicyService } from '../policy/PolicyService';
import { EntityAccess } from './EntityAccess';

/**
 * The effective gate policy of an entity, with the source of every value
 * and the policy's history.
 */
export function createPolicyRouter(options: {
  access: EntityAccess;
  policyService?: PolicyService;
}) {
  const { access, policyService } = options;
  const router = Router();
  // TODO(#4): make policyService required once plugin.ts creates it.
  if (!policyService) {
    return router;
  }

  router.get('/v1/entities/:kind/:namespace/:name/policy', async (req, res) => {
    const { entity } = await access.entityFromRequest({
      req,
      permission: assuranceEvidenceReadPermission,
    });

    const query = parseInput(policyQuerySchema, req.query);
    const { environment } = query;
    const known = policyService.listEnvironments(entity);
    if (environment !== undefined && !known.includes(environment)) {
      throw new InputError(
        `Unknown environment '${environment}', known environments are ${known.join(
          ', ',
        )}`,
      );
    }

    res.json(await policyService.getEffectivePolicy({ entity, environment }));
  });

  return router;
}
