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

import { useLocation } from 'react-router-dom';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  discoveryApiRef,
  errorApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type {
  AssuranceApi,
  EvidenceRecord,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { assuranceApiRef } from '../api';
import { EntityEvidenceContent } from '../components/EntityEvidenceContent';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const ENTITY_REF = 'component:default/payments';

export const SHA = 'a'.repeat(12) + 'b'.repeat(52);

/** A JUnit evidence record; override what a test needs. */
export function record(overrides: Partial<EvidenceRecord>): EvidenceRecord {
  return {
    id: 'ev-1',
    entityRef: ENTITY_REF,
    format: 'junit',
    fileName: 'junit.xml',
    sha256: SHA,
    size: 1536,
    uploadedBy: 'ci',
    uploadedAt: DateTime.now().minus({ hours: 2 }).toUTC().toISO()!,
    executionId: 'run-42',
    workItem: 'PAY-7',
    artifact: 'payments',
    version: '1.2.3',
    summary: {
      kind: 'tests',
      total: 10,
      passed: 7,
      failed: 2,
      errored: 1,
      skipped: 0,
      failures: [
        {
          name: 'charges the card',
          classname: 'PaymentsTest',
          type: 'failure',
          message: 'expected 200 but got 500',
        },
      ],
    },
    ...overrides,
  };
}

/** An AssuranceApi with every method mocked. */
export function mockAssuranceApi(
  overrides: Partial<AssuranceApi> = {},
): jest.Mocked<AssuranceApi> {
  return {
    getGates: jest.fn(),
    listEvidence: jest.fn(async () => ({ items: [] })),
    getEvidence: jest.fn(),
    getEvidenceContentUrl: jest.fn(
      async ({ id }) =>
        `http://example.com/api/assurance/v1/evidence/${id}/content`,
    ),
    verifyEvidence: jest.fn(),
    getEvidenceExportUrl: jest.fn(
      async () =>
        'http://example.com/api/assurance/v1/entities/component/default/payments/evidence/export',
    ),
    listArtifacts: jest.fn(async () => []),
    getPolicy: jest.fn(async ({ entityRef, environment }) => ({
      entityRef,
      riskLevel: 'medium' as const,
      ...(environment ? { environment } : {}),
      version: `sha256:${'0'.repeat(64)}`,
      requiredGates: [],
      gates: {},
      maxOverrideDays: 30,
      refused: [],
      history: [],
    })),
    listOverrides: jest.fn(async () => []),
    requestOverride: jest.fn(),
    approveOverride: jest.fn(),
    rejectOverride: jest.fn(),
    getDrift: jest.fn(async () => []),
    listEnvironments: jest.fn(async () => []),
    listReleases: jest.fn(async () => ({ items: [] })),
    getDeploymentMeasures: jest.fn(
      async ({ environment = 'prod', weeks = 12 }) => ({
        environment,
        weeks,
        from: DateTime.now().minus({ weeks }).toUTC().toISO()!,
        to: DateTime.now().toUTC().toISO()!,
        buckets: [],
        totals: {
          deployments: 0,
          failures: 0,
          changeFailureRate: null,
          deploymentsPerWeek: 0,
        },
      }),
    ),
    promote: jest.fn(),
    approveRelease: jest.fn(),
    rejectRelease: jest.fn(),
    updateRelease: jest.fn(),
    rollback: jest.fn(),
    ...overrides,
  } as jest.Mocked<AssuranceApi>;
}

/** Shows the current query string, so tests can read what the URL holds. */
export function LocationSearch() {
  const location = useLocation();
  return <output data-testid="location-search">{location.search}</output>;
}

/** Renders the Evidence tab of {@link entity}. */
export async function renderEvidence(
  api: AssuranceApi,
  options: {
    route?: string;
    fetch?: jest.Mock;
    errorApi?: { post: jest.Mock };
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [assuranceApiRef, api],
        [discoveryApiRef, mockApis.discovery()],
        [fetchApiRef, { fetch: options.fetch ?? jest.fn() }],
        [
          errorApiRef,
          options.errorApi ?? { post: jest.fn(), error$: jest.fn() },
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityEvidenceContent />
        <LocationSearch />
      </EntityProvider>
    </TestApiProvider>,
    { routeEntries: [options.route ?? '/'] },
  );
}

/** Makes anchor clicks and object URLs observable; restore afterwards. */
export function mockBlobDownloads() {
  const createObjectURL = jest.fn(() => 'blob:evidence');
  const revokeObjectURL = jest.fn();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  const anchors: HTMLAnchorElement[] = [];
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function capture(this: HTMLAnchorElement) {
      anchors.push(this);
    });
  return { createObjectURL, click, anchors };
}
