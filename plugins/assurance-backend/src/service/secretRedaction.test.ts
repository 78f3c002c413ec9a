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
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import JSZip from 'jszip';
import request from 'supertest';
import { assurancePlugin } from '../plugin';

// Acceptance test of issue #3: a gitleaks report's secret values appear
// nowhere — not in the database, the logs, the API's answers or exports.

const SENTINEL = 'AKIA-SENTINEL-5f1c9e2b7d4a';

const report = [
  {
    RuleID: 'aws-access-token',
    Description: 'AWS access key',
    StartLine: 12,
    EndLine: 12,
    StartColumn: 9,
    EndColumn: 35,
    Match: `aws_key = "${SENTINEL}"`,
    Secret: SENTINEL,
    File: 'config/settings.py',
    SymlinkFile: '',
    Commit: '4f1c2a9e0b7d6c5a4f1c2a9e0b7d6c5a4f1c2a9e',
    Entropy: 4.1,
    Author: 'Ada',
    Email: 'ada@example.com',
    Date: '2026-11-30T10:00:00Z',
    Message: `add settings (key ${SENTINEL})`,
    Tags: [],
    Fingerprint: `4f1c2a9e:config/settings.py:aws-access-token:12`,
  },
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A root logger that keeps every line, message and metadata alike. */
function capturingLogger(lines: string[]) {
  const make = (fields: object): LoggerService => {
    const log = (level: string) => (message: string, meta?: Error | object) => {
      lines.push(
        JSON.stringify({ level, message, fields, meta }) +
          (meta instanceof Error ? `${meta.message} ${meta.stack}` : ''),
      );
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: more => make({ ...fields, ...more }),
    };
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => make({}) as any,
  });
}

function collect(
  res: request.Response,
  done: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('secret values from a gitleaks report', () => {
  it('appear nowhere: database, logs, API answers, exports', async () => {
    const knex = await databases.init('SQLITE_3');
    const logs: string[] = [];
    const { server } = await startTestBackend({
      features: [
        assurancePlugin,
        capturingLogger(logs),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'payments-api' },
              spec: { type: 'service', owner: 'team-payments' },
            },
          ],
        }),
      ],
    });
    const auth = { Authorization: mockCredentials.user.header() };
    const answers: string[] = [];
    const api = '/api/assurance/v1';

    const upload = await request(server)
      .post(`${api}/evidence`)
      .set(auth)
      .field('entityRef', 'payments-api')
      .field('executionId', 'run-1')
      .attach('file', Buffer.from(JSON.stringify(report, null, 2)), 'gl.json');
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      format: 'gitleaks-json',
      redacted: true,
      summary: {
        kind: 'secrets',
        total: 1,
        findings: [
          {
            ruleId: 'aws-access-token',
            file: 'config/settings.py',
            line: 12,
          },
        ],
      },
    });
    answers.push(upload.text);

    // A broken report must not echo the secret in its refusal either.
    const broken = await request(server)
      .post(`${api}/evidence`)
      .set(auth)
      .field('entityRef', 'payments-api')
      .attach(
        'file',
        Buffer.from(`[{"Secret": ${SENTINEL}, "RuleID": "x"}]`),
        'broken.json',
      );
    expect(broken.status).toBe(400);
    answers.push(broken.text);

    const id = upload.body.id;
    for (const path of [
      `/evidence/${id}`,
      `/evidence/${id}/verify`,
      '/entities/component/default/payments-api/evidence',
      '/entities/component/default/payments-api/gates',
      '/entities/component/default/payments-api/artifacts',
    ]) {
      const response = await request(server).get(`${api}${path}`).set(auth);
      expect(response.status).toBe(200);
      answers.push(response.text);
    }

    const content = await request(server)
      .get(`${api}/evidence/${id}/content`)
      .set(auth)
      .buffer(true)
      .parse(collect);
    expect(content.status).toBe(200);
    expect(content.body.toString()).toContain('REDACTED');
    answers.push(content.body.toString('utf8'));

    const exported = await request(server)
      .get(`${api}/entities/component/default/payments-api/evidence/export`)
      .set(auth)
      .buffer(true)
      .parse(collect);
    const zip = await JSZip.loadAsync(exported.body);
    for (const file of Object.values(zip.files)) {
      answers.push(await file.async('string'));
    }

    const tables = [
      'assurance_evidence',
      'assurance_evidence_content',
      'assurance_audit_log',
      'assurance_artifacts',
      'assurance_artifact_evidence',
    ];
    const stored: string[] = [];
    for (const table of tables) {
      for (const row of await knex(table).select()) {
        for (const value of Object.values(row)) {
          stored.push(
            Buffer.isBuffer(value) ? value.toString() : String(value),
          );
        }
      }
    }

    expect(answers.length).toBeGreaterThan(8);
    expect(stored.length).toBeGreaterThan(10);
    expect(logs.length).toBeGreaterThan(0);
    for (const text of [...answers, ...stored, ...logs]) {
      expect(text).not.toContain(SENTINEL);
      // Nor a long piece of it.
      expect(text).not.toContain(SENTINEL.slice(0, 12));
    }
  });
});
