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
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Readable } from 'node:stream';
import assuranceModuleExampleEvidenceSeed from './assuranceSeed';

interface RecordedUpload {
  subject: string;
  entityRef: string;
  executionId: string;
  format: string | null;
  fileName: string;
}

/** Stands in for the assurance backend and records what it receives. */
function createRecordingAssurancePlugin(uploads: RecordedUpload[]) {
  return createBackendPlugin({
    pluginId: 'assurance',
    register(reg) {
      reg.registerInit({
        deps: {
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
        },
        async init({ httpAuth, httpRouter }) {
          httpRouter.use(async (req, res, next) => {
            try {
              if (req.method !== 'POST' || req.path !== '/v1/evidence') {
                next();
                return;
              }
              const credentials = await httpAuth.credentials(req, {
                allow: ['service'],
              });
              const form = await new Request('http://localhost/', {
                method: 'POST',
                headers: { 'content-type': req.headers['content-type']! },
                body: Readable.toWeb(req) as ReadableStream,
                duplex: 'half',
              } as RequestInit).formData();
              uploads.push({
                subject: credentials.principal.subject,
                entityRef: String(form.get('entityRef')),
                executionId: String(form.get('executionId')),
                format: form.get('format') as string | null,
                fileName: (form.get('file') as File).name,
              });
              res.status(201).json({});
            } catch (error) {
              next(error);
            }
          });
        },
      });
    },
  });
}

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error('Timed out');
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

describe('assuranceModuleExampleEvidenceSeed', () => {
  it('uploads examples/evidence through the API after startup', async () => {
    const uploads: RecordedUpload[] = [];
    await startTestBackend({
      features: [
        createRecordingAssurancePlugin(uploads),
        assuranceModuleExampleEvidenceSeed,
        mockServices.rootConfig.factory({
          data: { assurance: { seedExampleEvidence: true } },
        }),
      ],
    });

    await waitFor(() => uploads.length >= 19);

    expect(uploads).toHaveLength(19);
    expect(new Set(uploads.map(u => u.subject))).toEqual(
      new Set(['plugin:assurance']),
    );
    const payments = uploads.filter(
      u => u.entityRef === 'component:default/payments-api',
    );
    expect(payments.map(u => u.executionId)).toEqual([
      'build-1041',
      'build-1041',
      'build-1041',
      'build-1042',
      'build-1042',
      'build-1042',
      'build-1042',
    ]);
    expect(uploads).toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        executionId: 'build-1042',
        format: 'junit',
        fileName: 'surefire-with-errors-unicode.xml',
      }),
    );
    expect(new Set(uploads.map(u => u.format))).toEqual(
      new Set(['junit', 'sarif', 'npm-audit', 'cyclonedx-json']),
    );
  });

  it('does nothing unless enabled', async () => {
    const uploads: RecordedUpload[] = [];
    await startTestBackend({
      features: [
        createRecordingAssurancePlugin(uploads),
        assuranceModuleExampleEvidenceSeed,
        mockServices.rootConfig.factory({
          data: { assurance: { seedExampleEvidence: false } },
        }),
      ],
    });

    await new Promise(resolve => setTimeout(resolve, 200));
    expect(uploads).toEqual([]);
  });
});
