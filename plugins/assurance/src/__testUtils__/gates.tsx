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

import { Route, Routes } from 'react-router-dom';
import type { RenderResult } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { errorApiRef, identityApiRef } from '@backstage/core-plugin-api';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type {
  AssuranceApi,
  EffectivePolicy,
  EntityGates,
  GateOverride,
  GateResult,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { assuranceApiRef } from '../api';
import { EntityGatesContent } from '../components/EntityGatesContent';
import { entity, ENTITY_REF, LocationSearch } from './evidence';

type PolicyDecision = Awaited<ReturnType<PermissionApi['authorize']>>;

/** A passed unit-tests gate; override what a test needs. */
export function gateResult(overrides: Partial<GateResult>): GateResult {
  return {
    id: 'unit-tests',
    title: 'Unit tests',
    status: 'passed',
    reason: '',
    remediation: '',
    evidenceIds: [],
    evidenceUploadedAt: DateTime.now().minus({ days: 3 }).toUTC().toISO()!,
    evaluatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** The verdicts of {@link ENTITY_REF}: a failed dependency scan. */
export function entityGates(overrides: Partial<EntityGates> = {}): EntityGates {
  return {
    entityRef: ENTITY_REF,
    riskLevel: 'high',
    policyVersion: `sha256:${'c0ffee12'.repeat(8)}`,
    gates: [
      gateResult({ reason: '120 tests passed' }),
      gateResult({
        id: 'dependency-scan',
        title: 'Dependency vulnerability scan',
        status: 'failed',
        reason: '2 critical vulnerabilities',
        remediation: 'Upgrade lodash to 4.17.21',
      }),
    ],
    nextGate: {
      id: 'dependency-scan',
      title: 'Dependency vulnerability scan',
      status: 'failed',
    },
    ...overrides,
  };
}

/** A pending override of the dependency scan, requested by alice. */
export function gateOverride(overrides: Partial<GateOverride>): GateOverride {
  return {
    id: 'ov-1',
    entityRef: ENTITY_REF,
    gateId: 'dependency-scan',
    reason: 'The fix ships with the next release',
    requestedBy: 'user:default/alice',
    requestedAt: DateTime.now().minus({ hours: 1 }).toUTC().toISO()!,
    expiresAt: DateTime.now().plus({ days: 7, hours: 1 }).toUTC().toISO()!,
    status: 'pending',
    ...overrides,
  };
}

/** A policy of {@link ENTITY_REF}; override what a test needs. */
export function effectivePolicy(
  overrides: Partial<EffectivePolicy> = {},
): EffectivePolicy {
  return {
    entityRef: ENTITY_REF,
    riskLevel: 'high',
    version: `sha256:${'c0ffee12'.repeat(8)}`,
    requiredGates: [
      { value: 'unit-tests', source: { layer: 'platform' } },
      { value: 'dependency-scan', source: { layer: 'platform' } },
    ],
    gates: {},
    maxOverrideDays: 30,
    refused: [],
    history: [],
    ...overrides,
  };
}

/**
 * Renders the Gates tab of {@link entity} as `user`, who holds the
 * permissions named in `allow` (all of them by default).
 *
 * NOTE(assurance): usePermission caches each decision (SWR) for the life of
 * the module registry, that is of the test file; a file that varies `allow`
 * between tests sees the first test's decisions. Keep one `allow` per file.
 */
export async function renderGates(
  api: AssuranceApi,
  options: {
    route?: string;
    user?: string;
    allow?: string[];
    errorApi?: { post: jest.Mock };
  } = {},
): Promise<RenderResult & { authorize: jest.Mock }> {
  const authorize = jest.fn(
    async (request: Parameters<PermissionApi['authorize']>[0]) =>
      ({
        result:
          !options.allow || options.allow.includes(request.permission.name)
            ? 'ALLOW'
            : 'DENY',
      } as PolicyDecision),
  );
  const permissionApi: PermissionApi = { authorize };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [assuranceApiRef, api],
        [permissionApiRef, permissionApi],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.user ?? 'user:default/bob',
          }),
        ],
        [
          errorApiRef,
          options.errorApi ?? { post: jest.fn(), error$: jest.fn() },
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <Routes>
          <Route
            path="/catalog/:namespace/:kind/:name/gates/*"
            element={
              <>
                <EntityGatesContent />
                <LocationSearch />
              </>
            }
          />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [
        options.route ?? '/catalog/default/component/payments/gates',
      ],
      // Users link to their entity page.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { ...rendered, authorize };
}
