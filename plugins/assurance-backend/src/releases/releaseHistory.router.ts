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
  deploymentMeasuresQuerySchema,
  releaseListQuerySchema,
} from '@real-app-forever/plugin-assurance-common';
import Router from 'express-promise-router';
import { EntityAccess } from '../service/EntityAccess';
import { parseInput } from '../service/parseInput';
import { computeDeploymentMeasures, measuresStart } from './deploymentMeasures';
import { createReleaseRouteHelpers } from './releaseRouteHelpers';
import { ReleaseService } from './ReleaseService';
import { ReleaseStore } from './ReleaseStore';

/**
 * Reads an entity's release history: the releases, filtered, and the
 * DORA measures of an environment.
 */
export function createReleaseHistoryRouter(options: {
  access: EntityAccess;
  releases: ReleaseStore;
  releaseService: ReleaseService;
  now?: () => Date;
}) {
  const { releases, releaseService } = options;
  const now = () => options.now?.() ?? new Date();
  const { entityFor } = createReleaseRouteHelpers(options);
  const router = Router();

  router.get(
    '/v1/entities/:kind/:namespace/:name/releases',
    async (req, res) => {
      const { entity, entityRef } = await entityFor(
        req,
        assuranceEvidenceReadPermission,
      );
      const { limit, cursor, ...filter } = parseInput(
        releaseListQuerySchema,
        req.query,
      );
      if (filter.environment !== undefined) {
        releaseService.requireEnvironment({
          entity,
          environment: filter.environment,
        });
      }

      res.json(
        await releases.listReleasePage({
          entityRef,
          filter,
          limit,
          cursor,
          now: now(),
        }),
      );
    },
  );

  router.get(
    '/v1/entities/:kind/:namespace/:name/releases/measures',
    async (req, res) => {
      const { entity, entityRef } = await entityFor(
        req,
        assuranceEvidenceReadPermission,
      );
      const query = parseInput(deploymentMeasuresQuerySchema, req.query);
      const { environments } = releaseService.environmentsOf(entity);
      const environment = query.environment ?? environments.at(-1)!;
      releaseService.requireEnvironment({ entity, environment });

      const at = now();
      const deployments = await releases.listDeployments({
        entityRef,
        environment,
        since: measuresStart({ now: at, weeks: query.weeks }),
      });
      res.json(
        computeDeploymentMeasures({
          releases: deployments,
          environment,
          weeks: query.weeks,
          now: at,
        }),
      );
    },
  );

  return router;
}
