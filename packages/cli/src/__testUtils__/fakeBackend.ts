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

import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { handleEvidenceUpload, handleGates } from './fakeEvidenceRoutes';
import { fail, ReceivedRequest } from './fakeHttp';
import { handleReleaseRequest } from './fakeReleaseRoutes';

export type { ReceivedRequest } from './fakeHttp';
export {
  FAKE_GATES,
  KNOWN_ENTITY,
  MAX_BYTES,
  evidenceIdOf,
} from './fakeEvidenceRoutes';
export {
  FAKE_RELEASE_ID,
  PROMOTE_DIGESTS,
  ROLLBACK_RELEASE_ID,
  ROLLBACK_TARGET_DIGEST,
} from './fakeReleaseRoutes';

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
      handleReleaseRequest(res, req.method ?? 'GET', path, received.json);
      return;
    }
    if (req.method === 'GET' && path.endsWith('/gates')) {
      handleGates(res, path);
      return;
    }
    if (req.method !== 'POST' || path !== '/api/assurance/v1/evidence') {
      fail(res, 404, `Not found: ${path}`);
      return;
    }

    await handleEvidenceUpload({
      res,
      body,
      contentType: req.headers['content-type'] ?? '',
      received,
      stored,
      echoToken: options.echoToken,
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

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}
