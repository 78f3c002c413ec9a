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

import { ServerResponse } from 'node:http';
import { KNOWN_ENTITY } from './fakeEvidenceRoutes';
import { fail, send } from './fakeHttp';

export const FAKE_RELEASE_ID = 'rel-1';

/** A rollback on staging: rel-1 is rolled back to this digest as rel-3. */
export const ROLLBACK_RELEASE_ID = 'rel-3';
export const ROLLBACK_TARGET_DIGEST = `sha256:${'d'.repeat(64)}`;

/** Promotions the fake decides by the digest's first hex digit. */
export const PROMOTE_DIGESTS = {
  promoted: `sha256:${'a'.repeat(64)}`,
  'pending-approval': `sha256:${'b'.repeat(64)}`,
  refused: `sha256:${'c'.repeat(64)}`,
};

/** A release on staging, with `fields` over the defaults. */
function release(fields: Record<string, unknown>) {
  return {
    id: FAKE_RELEASE_ID,
    entityRef: KNOWN_ENTITY,
    environment: 'staging',
    artifact: {
      name: 'payments-api',
      version: '1.2.3',
      digest: PROMOTE_DIGESTS.promoted,
    },
    status: 'deploying',
    migrationStatus: 'none',
    actor: 'ci',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    evidenceIds: [],
    ...fields,
  };
}

/** staging rolls back, prod has no target, dev is not allowed. */
function handleRollback(res: ServerResponse, environment: string, json: any) {
  if (environment === 'prod') {
    fail(
      res,
      409,
      `${environment} has no rollback target: no earlier release succeeded there with a different digest`,
    );
  } else if (environment === 'dev') {
    fail(res, 403, `ci may not roll back ${KNOWN_ENTITY}`);
  } else if (environment !== 'staging') {
    fail(res, 400, `Unknown environment ${environment}`);
  } else {
    send(res, 201, {
      release: release({
        id: ROLLBACK_RELEASE_ID,
        artifact: {
          name: 'payments-api',
          version: '1.2.2',
          digest: ROLLBACK_TARGET_DIGEST,
        },
        reason: json.reason,
        rollbackOf: FAKE_RELEASE_ID,
      }),
      rolledBack: release({ status: 'rolled-back' }),
    });
  }
}

/**
 * The JSON routes: recording and updating releases, promotions decided by
 * PROMOTE_DIGESTS and rollbacks; 404 for anything else.
 */
export function handleReleaseRequest(
  res: ServerResponse,
  method: string,
  path: string,
  json: any,
) {
  const entityPath =
    '/api/assurance/v1/entities/component/default/payments-api';
  if (method === 'POST' && path === `${entityPath}/releases`) {
    send(res, 201, release(json));
    return;
  }
  const reject = path.match(
    /^\/api\/assurance\/v1\/releases\/([^/]+)\/reject$/,
  );
  if (method === 'POST' && reject) {
    const id = decodeURIComponent(reject[1]);
    if (id === FAKE_RELEASE_ID) {
      send(
        res,
        200,
        release({
          status: 'withdrawn',
          rejectedBy: 'ci',
          rejectionReason: json.reason,
        }),
      );
    } else {
      fail(
        res,
        409,
        `Release ${id} no longer waits for approval: it is withdrawn`,
      );
    }
    return;
  }
  if (method === 'PATCH' && path.startsWith('/api/assurance/v1/releases/')) {
    const id = decodeURIComponent(path.split('/').pop() ?? '');
    if (id !== FAKE_RELEASE_ID) {
      fail(res, 404, `No release ${id}`);
      return;
    }
    send(res, 200, release({ status: 'succeeded', ...json }));
    return;
  }
  const promotion = path.match(
    /^\/api\/assurance\/v1\/entities\/component\/default\/payments-api\/environments\/([^/]+)\/promotions$/,
  );
  if (method === 'POST' && promotion) {
    const environment = decodeURIComponent(promotion[1]);
    if (environment !== 'staging') {
      fail(res, 400, `Unknown environment ${environment}`);
      return;
    }
    const promoted = release({
      id: 'rel-2',
      environment,
      artifact: {
        name: json.name,
        version: json.version,
        digest: json.digest,
      },
    });
    if (json.digest === PROMOTE_DIGESTS.promoted) {
      send(res, 201, {
        decision: 'promoted',
        reasons: ['All required gates passed'],
        release: promoted,
      });
    } else if (json.digest === PROMOTE_DIGESTS['pending-approval']) {
      send(res, 202, {
        decision: 'pending-approval',
        reasons: ['staging requires a second approval'],
        release: { ...promoted, status: 'pending-approval' },
      });
    } else {
      send(res, 200, {
        decision: 'refused',
        reasons: ['Gate tests-pass is failed', 'Not deployed to dev yet'],
      });
    }
    return;
  }
  const rollback = path.match(
    /^\/api\/assurance\/v1\/entities\/component\/default\/payments-api\/environments\/([^/]+)\/rollbacks$/,
  );
  if (method === 'POST' && rollback) {
    handleRollback(res, decodeURIComponent(rollback[1]), json);
    return;
  }
  fail(res, 404, `Not found: ${method} ${path}`);
}
