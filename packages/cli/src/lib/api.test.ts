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

import { CliApi } from './api';
import { ApiError } from './errors';

const connection = {
  apiBaseUrl: 'http://backend.test/api/assurance',
  token: 'api-test-token',
};

describe('CliApi', () => {
  it('reads the message of an error body that is not Backstage-shaped', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ error: { message: 'No such entity' } }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const api = new CliApi({ connection, fetch });
    const error = await api
      .getGates({ entityRef: 'payments-api' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/^404 Not Found: No such entity\. Check/);
    expect(error.fatal).toBe(true);
  });

  it('streams the upload with its length and reports the bytes sent', async () => {
    let sentBody = '';
    let headers = new Headers();
    const fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      headers = new Headers(init?.headers);
      sentBody = await new Response(init?.body).text();
      return new Response(JSON.stringify({ id: '1', format: 'junit' }), {
        status: 201,
      });
    });
    const progress: number[] = [];
    const bytes = Buffer.alloc(150 * 1024, 'x');
    const api = new CliApi({ connection, fetch });
    const result = await api.uploadEvidence({
      fileName: 'résumé "tests".xml',
      bytes,
      fields: { entityRef: 'component:default/a', commit: undefined },
      onProgress: sent => progress.push(sent),
    });

    expect(result.created).toBe(true);
    expect(headers.get('authorization')).toBe('Bearer api-test-token');
    expect(Number(headers.get('content-length'))).toBe(
      Buffer.byteLength(sentBody),
    );
    expect(progress).toEqual([65536, 131072, 153600]);
    expect(sentBody).toContain(
      'name="entityRef"\r\n\r\ncomponent:default/a\r\n',
    );
    expect(sentBody).not.toContain('name="commit"');
    expect(sentBody).toContain(
      'filename="r_sum_ %22tests%22.xml"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%22tests%22.xml',
    );
  });
});
