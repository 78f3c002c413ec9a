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

import { InputError, NotFoundError } from '@backstage/errors';
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

/** How far ahead of the server's clock a pipeline's clock may run. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The earliest deployedAt: older dates are typos, and MySQL's TIMESTAMP
 * columns cannot hold dates before 1970 (an error there, not a 400).
 */
const EARLIEST_DEPLOYED_AT = new Date('2000-01-01T00:00:00.000Z');

/**
 * When a recorded release was deployed: `deployedAt` when given, else
 * now. 400 when it is more than 5 minutes in the future or before 2000.
 */
export function deployedAtOf(options: {
  deployedAt?: string;
  now: Date;
}): Date {
  const { deployedAt, now } = options;
  if (deployedAt === undefined) {
    return now;
  }
  const at = new Date(deployedAt);
  if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new InputError(
      `deployedAt ${deployedAt} is in the future: it may be at most 5 minutes after the server's time (${now.toISOString()})`,
    );
  }
  if (at.getTime() < EARLIEST_DEPLOYED_AT.getTime()) {
    throw new InputError(
      `deployedAt ${deployedAt} is before ${EARLIEST_DEPLOYED_AT.toISOString()}, the earliest deployment time accepted`,
    );
  }
  return at;
}

/**
 * The evidence ids a release is recorded with, lower-cased and without
 * repeats; 400 naming those that are not evidence of the entity.
 */
export async function requireEntityEvidence(options: {
  releases: Pick<ReleaseStore, 'findUnknownEvidence'>;
  entityRef: string;
  evidenceIds?: string[];
}): Promise<string[]> {
  const { releases, entityRef } = options;
  const ids = [
    ...new Set(
      (options.evidenceIds ?? []).map(id => id.toLocaleLowerCase('en-US')),
    ),
  ];
  const unknown = await releases.findUnknownEvidence({ entityRef, ids });
  if (unknown.length > 0) {
    throw new InputError(
      `evidenceIds must be evidence of ${entityRef}; unknown: ${unknown.join(
        ', ',
      )}`,
    );
  }
  return ids;
}
