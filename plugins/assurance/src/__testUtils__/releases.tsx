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

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type {
  AssuranceApi,
  EnvironmentState,
  Release,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { assuranceApiRef } from '../api';
import { EntityReleasesContent } from '../components/EntityReleasesContent';
import { entity, ENTITY_REF } from './evidence';

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

/** Renders the Releases tab of {@link entity}. */
export async function renderReleases(api: AssuranceApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[assuranceApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityReleasesContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}
