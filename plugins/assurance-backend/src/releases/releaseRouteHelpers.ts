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

import { NotFoundError } from '@backstage/errors';
import { Release } from '@real-app-forever/plugin-assurance-common';
import { Request } from 'express';
import { EntityAccess, EntityParams } from '../service/EntityAccess';
import { ReleaseStore } from './ReleaseStore';

/** The checks the release routes share. */
export function createReleaseRouteHelpers(options: {
  access: EntityAccess;
  releases: ReleaseStore;
}) {
  const { access, releases } = options;

  /** Who calls, about which entity, and whether they may. */
  async function entityFor(
    req: Request<EntityParams>,
    permission: Parameters<EntityAccess['authorize']>[0]['permission'],
  ) {
    const credentials = await access.credentials(req);
    const { kind, namespace, name } = req.params;
    const { entityRef, entity } = await access.allowedEntity({
      ref: `${kind}:${namespace}/${name}`,
      permission,
      credentials,
    });
    return {
      credentials,
      entityRef,
      entity,
      actor: access.actorOf(credentials),
    };
  }

  async function requireRelease(id: string): Promise<Release> {
    const release = await releases.getRelease({ id });
    if (!release) {
      throw new NotFoundError(`No release with id '${id}'`);
    }
    return release;
  }

  return { entityFor, requireRelease };
}
