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

import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the fake backend received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization?: string;
  fields: Record<string, string>;
  file?: { name: string; text: string };
  /** The parsed body of a JSON request. */
  json?: any;
}

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

/** Gates the fake backend answers with. */
export const FAKE_GATES = {
  entityRef: 'component:default/payments-api',
  riskLevel: 'high',
  gates: [
    {
      id: 'tests-pass',
      title: 'Tests pass',
      status: 'failed',
      reason: '2 of 10 tests failed',
      remediation: 'Fix the failing tests',
      evidenceIds: ['e1'],
      evaluatedAt: '2026-01-01T00:00:00Z',
    },
    {
      id: 'sbom-present',
      title: 'SBOM present',
      status: 'missing',
      reason: 'No SBOM was uploaded',
      remediation: 'Upload a CycloneDX JSON SBOM',
      evidenceIds: [],
      evaluatedAt: '2026-01-01T00:00:00Z',
    },
    {
      id: 'no-critical-vulnerabilities',
      title: 'No critical vulnerabilities',
      status: 'passed',
      reason: 'npm audit found none',
      remediation: '',
      evidenceIds: ['e2'],
      evaluatedAt: '2026-01-01T00:00:00Z',
    },
  ],
};

export const KNOWN_ENTITY = 'component:default/payments-api';
export const MAX_BYTES = 1000;

/**
 * A stand-in for the assurance API on 127.0.0.1: 201 for new evidence,
 * 200 for the same bytes again, 400 for content starting with `garbage`,
 * 413 above MAX_BYTES, 401 for another token, 404 for other entities.
 * With `echoToken`, error messages repeat the Authorization header, as a
 * careless proxy might, to prove the CLI never prints it.
 */
export async function startFakeBackend(options: {
  token: string;
  echoToken?: boolean;
}) {
  const requests: ReceivedRequest[] = [];
  const stored = new Set<string>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, message: string) =>
    send(res, status, {
      error: { name: 'Error', message },
      response: { statusCode: status },
    });

  const release = (fields: Record<string, unknown>) => ({
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
  });

  /** staging rolls back, prod has no target, dev is not allowed. */
  const handleRollback = (
    res: ServerResponse,
    environment: string,
    json: any,
  ) => {
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
  };

  const handleJson = (
    res: ServerResponse,
    method: string,
    path: string,
    json: any,
  ) => {
    const entityPath =
      '/api/assurance/v1/entities/component/default/payments-api';
    if (method === 'POST' && path === `${entityPath}/releases`) {
      send(res, 201, release(json));
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
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const received: ReceivedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      authorization: req.headers.authorization,
      fields: {},
    };
    requests.push(received);

    if (req.headers.authorization !== `Bearer ${options.token}`) {
      fail(
        res,
        401,
        options.echoToken
          ? `Illegal token ${req.headers.authorization}`
          : 'Missing or invalid credentials',
      );
      return;
    }

    const path = received.url.split('?')[0];
    if (req.headers['content-type'] === 'application/json') {
      received.json = JSON.parse(body.toString('utf8'));
      handleJson(res, req.method ?? 'GET', path, received.json);
      return;
    }
    if (req.method === 'GET' && path.endsWith('/gates')) {
      if (
        path !==
        '/api/assurance/v1/entities/component/default/payments-api/gates'
      ) {
        fail(res, 404, 'No entity component:default/unknown');
        return;
      }
      send(res, 200, FAKE_GATES);
      return;
    }
    if (req.method !== 'POST' || path !== '/api/assurance/v1/evidence') {
      fail(res, 404, `Not found: ${path}`);
      return;
    }

    const form = await new Response(body, {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
    for (const [name, value] of form) {
      if (typeof value === 'string') {
        received.fields[name] = value;
      } else {
        received.file = { name: value.name, text: await value.text() };
      }
    }
    const { entityRef, executionId } = received.fields;
    const text = received.file?.text ?? '';
    if (entityRef !== KNOWN_ENTITY) {
      fail(res, 404, `No entity ${entityRef}`);
      return;
    }
    if (Buffer.byteLength(text) > MAX_BYTES) {
      fail(res, 413, `The file is larger than the limit of ${MAX_BYTES} bytes`);
      return;
    }
    if (text.startsWith('garbage')) {
      fail(
        res,
        400,
        options.echoToken
          ? `Evidence refused: bad file sent with ${req.headers.authorization}`
          : 'Evidence refused: unrecognised format',
      );
      return;
    }
    const sha256 = createHash('sha256').update(text).digest('hex');
    const key = `${entityRef}|${executionId}|${sha256}`;
    const created = !stored.has(key);
    stored.add(key);
    send(res, created ? 201 : 200, {
      id: evidenceIdOf(sha256),
      entityRef,
      format: text.startsWith('<') ? 'junit' : 'npm-audit',
      fileName: received.file?.name,
      sha256,
      size: Buffer.byteLength(text),
      uploadedBy: 'ci',
      uploadedAt: '2026-01-01T00:00:00Z',
      summary: { kind: 'link', url: 'x' },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(error => fail(res, 500, String(error)));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** The id the fake gives evidence: a UUID made of its sha256. */
export function evidenceIdOf(sha256: string): string {
  const h = sha256.toLocaleLowerCase('en-US');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}
