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
import { ServerResponse } from 'node:http';
import { fail, ReceivedRequest, send } from './fakeHttp';

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

/** The fake's gates: FAKE_GATES for KNOWN_ENTITY, 404 for others. */
export function handleGates(res: ServerResponse, path: string) {
  if (
    path !== '/api/assurance/v1/entities/component/default/payments-api/gates'
  ) {
    fail(res, 404, 'No entity component:default/unknown');
    return;
  }
  send(res, 200, FAKE_GATES);
}

/**
 * An evidence upload: 201 for new evidence, 200 for the same bytes again,
 * 400 for content starting with `garbage`, 413 above MAX_BYTES, 404 for
 * other entities. Records the form's fields and file on `received`.
 */
export async function handleEvidenceUpload(options: {
  res: ServerResponse;
  body: Buffer;
  contentType: string;
  received: ReceivedRequest;
  stored: Set<string>;
  echoToken?: boolean;
}) {
  const { res, body, contentType, received, stored } = options;
  const form = await new Response(body, {
    headers: { 'content-type': contentType },
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
        ? `Evidence refused: bad file sent with ${received.authorization}`
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
}

/** The id the fake gives evidence: a UUID made of its sha256. */
export function evidenceIdOf(sha256: string): string {
  const h = sha256.toLocaleLowerCase('en-US');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}
