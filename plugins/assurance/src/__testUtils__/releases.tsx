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

import { screen, within } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
  DeploymentMeasures,
  EnvironmentState,
  Release,
} from '@real-app-forever/plugin-assurance-common';
import { ResponseError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { assuranceApiRef } from '../api';
import { EntityReleasesContent } from '../components/EntityReleasesContent';
import { entity, ENTITY_REF, LocationSearch } from './evidence';

type PolicyDecision = Awaited<ReturnType<PermissionApi['authorize']>>;

/** A succeeded release of payments 1.4.2 to prod; override what a test needs. */
export function release(overrides: Partial<Release> = {}): Release {
  const createdAt = DateTime.now().minus({ hours: 2 }).toUTC().toISO()!;
  return {
    id: 'rel-1',
    entityRef: ENTITY_REF,
    environment: 'prod',
    artifact: {
      name: 'payments',
      version: '1.4.2',
      digest: `sha256:${'cd34'.repeat(16)}`,
    },
    status: 'succeeded',
    migrationStatus: 'applied',
    actor: 'user:default/alice',
    reason: 'Fixes PAY-7',
    createdAt,
    updatedAt: createdAt,
    evidenceIds: [],
    ...overrides,
  };
}

/** An environment with nothing deployed; override what a test needs. */
export function environmentState(
  overrides: Partial<EnvironmentState> = {},
): EnvironmentState {
  return {
    name: 'prod',
    order: 2,
    rule: {
      requiredGates: [],
      requirePreviousStage: true,
      requireApproval: true,
    },
    activeRelease: null,
    rollbackTarget: null,
    pendingApprovals: [],
    ...overrides,
  };
}

/** Measures of prod over `buckets.length` weeks; totals from the buckets. */
export function deploymentMeasures(
  buckets: Array<{ deployments: number; failures: number }>,
  environment = 'prod',
): DeploymentMeasures {
  const start = DateTime.utc()
    .startOf('week')
    .minus({ weeks: buckets.length - 1 });
  const deployments = buckets.reduce((sum, b) => sum + b.deployments, 0);
  const failures = buckets.reduce((sum, b) => sum + b.failures, 0);
  return {
    environment,
    weeks: buckets.length,
    from: start.toISO()!,
    to: DateTime.utc().toISO()!,
    buckets: buckets.map((bucket, index) => ({
      start: start.plus({ weeks: index }).toISO()!,
      ...bucket,
      changeFailureRate:
        bucket.deployments > 0 ? bucket.failures / bucket.deployments : null,
    })),
    totals: {
      deployments,
      failures,
      changeFailureRate: deployments > 0 ? failures / deployments : null,
      deploymentsPerWeek: deployments / buckets.length,
    },
  };
}

/** The digest of 1.5.0, running in dev in {@link twoEnvironments}. */
export const DEV_DIGEST = `sha256:${'ef'.repeat(32)}`;
/** The digest of 1.4.1, prod's rollback target. */
export const OLD_DIGEST = `sha256:ab12${'0'.repeat(60)}`;

/** dev runs 1.5.0; prod runs 1.4.2 and can go back to 1.4.1. */
export function twoEnvironments(
  overrides: { pending?: ReturnType<typeof release>[] } = {},
) {
  const inDev = release({
    id: 'rel-dev',
    environment: 'dev',
    artifact: { name: 'payments', version: '1.5.0', digest: DEV_DIGEST },
  });
  return [
    environmentState({ name: 'dev', order: 0, activeRelease: inDev }),
    environmentState({
      activeRelease: release({ id: 'rel-prod' }),
      rollbackTarget: release({
        id: 'rel-old',
        artifact: { name: 'payments', version: '1.4.1', digest: OLD_DIGEST },
      }),
      pendingApprovals: overrides.pending ?? [],
    }),
  ];
}

/** 1.5.0 waiting for approval in prod, asked for by `actor`. */
export function pendingPromotion(actor = 'user:default/alice') {
  return release({
    id: 'rel-pending',
    status: 'pending-approval',
    actor,
    reason: 'Ship the refund fix',
    artifact: { name: 'payments', version: '1.5.0', digest: DEV_DIGEST },
  });
}

/** Opens a dialog from a button of an environment card. */
export async function openDialog(card: string, button: string | RegExp) {
  const region = await screen.findByRole('region', { name: card });
  await userEvent.click(within(region).getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

/**
 * Renders the Releases tab of {@link entity} as `user`, who holds the
 * permissions named in `allow` (all of them by default).
 *
 * NOTE(assurance): usePermission caches each decision for the life of the
 * test file (see renderGates); keep one `allow` per file.
 */
export async function renderReleases(
  api: AssuranceApi,
  options: { route?: string; user?: string; allow?: string[] } = {},
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
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [assuranceApiRef, api],
        [permissionApiRef, { authorize }],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.user ?? 'user:default/bob',
          }),
        ],
        [errorApiRef, { post: jest.fn(), error$: jest.fn() }],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityReleasesContent />
        <LocationSearch />
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [options.route ?? '/'],
      // Actors link to their user entity.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { ...rendered, authorize };
}

/** What the client throws when the server answers 403 with `message`. */
export async function forbidden(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}
