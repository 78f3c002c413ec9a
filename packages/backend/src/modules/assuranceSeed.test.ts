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
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Readable } from 'node:stream';
import assuranceModuleExampleEvidenceSeed from './assuranceSeed';
import { findExampleEvidence } from './exampleEvidence';

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

    // Every file in examples/evidence, in the order the seeder promises.
    const expected = await findExampleEvidence(
      resolvePackagePath('backend', '../../examples/evidence'),
    );
    expect(expected.length).toBeGreaterThan(10);
    await waitFor(() => uploads.length >= expected.length, 30_000);
    // Nothing more arrives after the last file.
    await new Promise(resolve => setTimeout(resolve, 200));

    expect(uploads.map(u => [u.entityRef, u.executionId, u.fileName])).toEqual(
      expected.map(f => [f.entityRef, f.executionId, f.fileName]),
    );
    expect(new Set(uploads.map(u => u.subject))).toEqual(
      new Set(['plugin:assurance']),
    );
    const payments = uploads.filter(
      u => u.entityRef === 'component:default/payments-api',
    );
    expect(payments.map(u => u.executionId)).toEqual(
      [...payments.map(u => u.executionId)].sort(),
    );
    expect(uploads).toContainEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        executionId: 'build-1042',
        format: null,
        fileName: 'surefire-with-errors-unicode.xml',
      }),
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
