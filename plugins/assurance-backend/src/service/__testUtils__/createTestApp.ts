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
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultParsers } from '@real-app-forever/plugin-assurance-node';
import express from 'express';
import { DatabaseEvidenceStore } from '../../database/DatabaseEvidenceStore';
import { DatabaseLifecycleStore } from '../../database/DatabaseLifecycleStore';
import { builtInGates } from '../../gates/gateDefinitions';
import { IngestService } from '../../ingest/IngestService';
import { DefaultPolicyService } from '../../policy/DefaultPolicyService';
import { EntityAccess } from '../EntityAccess';
import { RouterOptions, createRouter } from '../router';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** The service the router tests record evidence for. */
export function paymentsEntity(
  options: { annotations?: Record<string, string> } = {},
): Entity {
  const { annotations } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', ...(annotations && { annotations }) },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

/** The services every router test starts from. */
export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/**
 * A fresh migrated SQLite database, the core services as mocks, and an
 * `authorize` mock that allows everything until a test says otherwise.
 */
export async function createTestContext(options: { entities: Entity[] }) {
  const knex = await databases.init('SQLITE_3');
  const database = mockServices.database({ knex });
  const store = await DatabaseEvidenceStore.create({ database });
  const authorize: jest.Mock = jest.fn(
    async (requests: unknown[]): Promise<PolicyDecision[]> =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  );
  const services = {
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth({
      pluginId: 'assurance',
      defaultCredentials: mockCredentials.none(),
    }),
    permissions: mockServices.permissions.mock({ authorize }),
    catalog: catalogServiceMock({ entities: options.entities }),
  };
  return {
    knex,
    database,
    store,
    authorize,
    services,
    access: new EntityAccess(services),
  };
}

/** The routers under test in express, with the framework's error answers. */
export function createTestApp(options: {
  routers: express.Handler[];
}): express.Express {
  return express()
    .use(...options.routers)
    .use(mockErrorHandler());
}

/**
 * The whole assurance API on the test context. Options not given default
 * to an empty policy config, no overrides and the built-in gates.
 */
export async function createTestRouter(
  options: {
    context: TestContext;
    maxUploadBytes: number;
  } & Partial<Omit<RouterOptions, 'maxUploadBytes'>>,
): Promise<express.Router> {
  const { context, ...rest } = options;
  const { database, store } = context;
  return createRouter({
    ...context.services,
    auditor: mockServices.auditor.mock(),
    store,
    lifecycle: await DatabaseLifecycleStore.create({ database }),
    ingest: new IngestService({
      store,
      parsers: () => defaultParsers,
      maxBytes: options.maxUploadBytes,
    }),
    policyService:
      options.policyService ??
      (await DefaultPolicyService.create({
        config: new ConfigReader({}),
        database,
        knownGates: new Set(builtInGates.keys()),
      })),
    overrides: { listOverrides: async () => [] },
    gates: builtInGates,
    ...rest,
  });
}
