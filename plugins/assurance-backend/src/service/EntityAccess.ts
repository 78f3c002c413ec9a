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
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeEntityRef } from '@real-app-forever/plugin-assurance-common';
import { Request } from 'express';

/** The path parameters that name an entity. */
export type EntityParams = { kind: string; namespace: string; name: string };

/**
 * The checks every route makes: who is calling, does the entity exist, may
 * the caller do this to it.
 */
export class EntityAccess {
  constructor(
    private readonly options: {
      auth: AuthService;
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  /** Users and services (the CI token, other plugins) may call. */
  async credentials(req: Request) {
    return this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
  }

  /** How the caller is named in records and the audit log. */
  actorOf(
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): string {
    const { principal } = credentials;
    return principal.type === 'user'
      ? principal.userEntityRef
      : principal.subject;
  }

  /** Normalises a reference or answers 400 with what is wrong with it. */
  normalize(ref: string): string {
    try {
      return normalizeEntityRef(ref);
    } catch (error) {
      throw new InputError(`Invalid entity reference '${ref}'`, error);
    }
  }

  /**
   * Finds the entity in the catalog or answers 404. Services are often
   * restricted to this plugin, so the lookup for them runs as this plugin.
   */
  async requireEntity(options: {
    entityRef: string;
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >;
  }): Promise<Entity> {
    const { auth, catalog } = this.options;
    const lookupCredentials = auth.isPrincipal(options.credentials, 'user')
      ? options.credentials
      : await auth.getOwnServiceCredentials();
    const entity = await catalog.getEntityByRef(options.entityRef, {
      credentials: lookupCredentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity '${options.entityRef}' in the catalog`,
      );
    }
    return entity;
  }

  /**
   * The checks of a route under /v1/entities/:kind/:namespace/:name, in
   * this order: credentials (401), reference (400), entity (404), then
   * the permission on it (403).
   */
  async entityFromRequest(options: {
    req: Request<EntityParams>;
    permission: ResourcePermission<'catalog-entity'>;
  }): Promise<{ entityRef: string; entity: Entity }> {
    const { req, permission } = options;
    const credentials = await this.credentials(req);
    const { kind, namespace, name } = req.params;
    return this.allowedEntity({
      ref: `${kind}:${namespace}/${name}`,
      permission,
      credentials,
    });
  }

  /**
   * The reference normalised (400), its entity (404), and the permission
   * on it checked (403).
   */
  async allowedEntity(options: {
    ref: string;
    permission: ResourcePermission<'catalog-entity'>;
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >;
  }): Promise<{ entityRef: string; entity: Entity }> {
    const { permission, credentials } = options;
    const entityRef = this.normalize(options.ref);
    const entity = await this.requireEntity({ entityRef, credentials });
    await this.authorize({ permission, entityRef, credentials });
    return { entityRef, entity };
  }

  /** Answers 403 unless the permission policy allows this on the entity. */
  async authorize(options: {
    permission: ResourcePermission<'catalog-entity'>;
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: options.permission, resourceRef: options.entityRef }],
      { credentials: options.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${options.permission.name} on ${options.entityRef}`,
      );
    }
  }
}
