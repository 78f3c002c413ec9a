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
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  ExampleEvidenceFile,
  findExampleEvidence,
  formatFromFileName,
  uploadExampleEvidence,
} from './exampleEvidence';

const mockDir = createMockDirectory();

describe('findExampleEvidence', () => {
  it('lists entities, executions and files in natural order', async () => {
    mockDir.setContent({
      'SOURCES.md': '# sources',
      'payments-api': {
        'run-10': { 'junit.xml': '<a/>' },
        'run-2': {
          'scan.sarif': '{}',
          'bom.cdx.json': '{}',
          'audit.npm-audit.json': '{}',
        },
        'run-1': { 'junit.xml': '<b/>', '.DS_Store': 'x' },
        'stray.xml': '<c/>',
        '.hidden': { 'junit.xml': '<d/>' },
      },
      'checkout-web': {
        'build-9': { 'report.xml': '<e/>' },
        empty: {},
      },
    });

    const files = await findExampleEvidence(mockDir.path);

    expect(
      files.map(f => [f.entityRef, f.executionId, f.fileName, f.format]),
    ).toEqual([
      ['component:default/checkout-web', 'build-9', 'report.xml', undefined],
      ['component:default/payments-api', 'run-1', 'junit.xml', undefined],
      [
        'component:default/payments-api',
        'run-2',
        'audit.npm-audit.json',
        'npm-audit',
      ],
      [
        'component:default/payments-api',
        'run-2',
        'bom.cdx.json',
        'cyclonedx-json',
      ],
      ['component:default/payments-api', 'run-2', 'scan.sarif', 'sarif'],
      ['component:default/payments-api', 'run-10', 'junit.xml', undefined],
    ]);
    expect(files[0].path).toBe(
      mockDir.resolve('checkout-web', 'build-9', 'report.xml'),
    );
  });

  it('finds nothing in an empty folder', async () => {
    mockDir.setContent({});

    await expect(findExampleEvidence(mockDir.path)).resolves.toEqual([]);
  });
});

describe('formatFromFileName', () => {
  it.each([
    ['TEST-PaymentServiceTest.xml', undefined],
    ['results.SARIF', 'sarif'],
    ['semgrep.sarif.json', 'sarif'],
    ['bom.cdx.json', 'cyclonedx-json'],
    ['npm7.npm-audit.json', 'npm-audit'],
    ['report.json', undefined],
    ['notes.txt', undefined],
  ])('reads %s as %s', (fileName, format) => {
    expect(formatFromFileName(fileName)).toBe(format);
  });
});

describe('uploadExampleEvidence', () => {
  const secret = 'the-file-content-must-never-be-logged';
  let now = 0;

  beforeEach(() => {
    now = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    mockDir.setContent({
      a: {
        'run-1': { 'junit.xml': `<testsuite name="${secret}"/>` },
        'run-2': { 'scan.sarif': '{}' },
      },
      b: { 'run-1': { 'report.json': '{}' } },
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  function setup(statuses: Array<number | Error>) {
    const logger = mockServices.logger.mock();
    const requests: Array<{ url: string; headers: Headers; body: FormData }> =
      [];
    const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
      requests.push({
        url,
        headers: new Headers(init.headers),
        body: init.body as FormData,
      });
      const next = statuses.shift() ?? 201;
      if (next instanceof Error) {
        throw next;
      }
      return new Response(null, { status: next });
    });
    const sleep = jest.fn(async (ms: number) => {
      now += ms;
    });
    return { logger, requests, fetchMock, sleep };
  }

  async function run(
    files: ExampleEvidenceFile[],
    mocks: ReturnType<typeof setup>,
  ) {
    return uploadExampleEvidence({
      files,
      baseUrl: 'http://localhost:7007/api/assurance',
      getToken: async () => 'plugin-token',
      logger: mocks.logger,
      fetch: mocks.fetchMock as unknown as typeof fetch,
      sleep: mocks.sleep,
      retry: { timeoutMs: 20_000, initialDelayMs: 1_000, maxDelayMs: 4_000 },
    });
  }

  it('posts each file as multipart, in order, with the plugin token', async () => {
    const mocks = setup([201, 200, 201]);
    const files = await findExampleEvidence(mockDir.path);

    await expect(run(files, mocks)).resolves.toEqual({
      created: 2,
      existing: 1,
      failed: 0,
      skipped: 0,
    });

    expect(mocks.requests.map(r => r.url)).toEqual([
      'http://localhost:7007/api/assurance/v1/evidence',
      'http://localhost:7007/api/assurance/v1/evidence',
      'http://localhost:7007/api/assurance/v1/evidence',
    ]);
    expect(mocks.requests[0].headers.get('authorization')).toBe(
      'Bearer plugin-token',
    );
    const fields = mocks.requests.map(({ body }) => ({
      entityRef: body.get('entityRef'),
      executionId: body.get('executionId'),
      format: body.get('format'),
      fileName: (body.get('file') as File).name,
    }));
    expect(fields).toEqual([
      {
        entityRef: 'component:default/a',
        executionId: 'run-1',
        format: null,
        fileName: 'junit.xml',
      },
      {
        entityRef: 'component:default/a',
        executionId: 'run-2',
        format: 'sarif',
        fileName: 'scan.sarif',
      },
      {
        entityRef: 'component:default/b',
        executionId: 'run-1',
        format: null,
        fileName: 'report.json',
      },
    ]);
    await expect(
      (mocks.requests[0].body.get('file') as File).text(),
    ).resolves.toBe(`<testsuite name="${secret}"/>`);
  });

  it('retries unknown entities and unreachable servers with backoff', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ECONNREFUSED' },
    });
    const mocks = setup([refused, 404, 404, 503, 201]);
    const files = await findExampleEvidence(mockDir.path);

    await expect(run(files.slice(0, 1), mocks)).resolves.toEqual({
      created: 1,
      existing: 0,
      failed: 0,
      skipped: 0,
    });
    expect(mocks.sleep.mock.calls.map(([ms]) => ms)).toEqual([
      1_000, 2_000, 4_000, 4_000,
    ]);
  });

  it('gives up on an entity after the timeout and skips its other files', async () => {
    const mocks = setup(Array(20).fill(404));
    const files = await findExampleEvidence(mockDir.path);

    await expect(run(files.slice(0, 2), mocks)).resolves.toEqual({
      created: 0,
      existing: 0,
      failed: 1,
      skipped: 1,
    });
    expect(now).toBeLessThanOrEqual(20_000);
    expect(mocks.logger.warn).toHaveBeenCalledWith(
      'Could not upload example evidence',
      expect.objectContaining({
        entityRef: 'component:default/a',
        status: 404,
      }),
    );
  });

  it('does not retry refused files and never logs their content', async () => {
    const mocks = setup([400, 201, 201]);
    const files = await findExampleEvidence(mockDir.path);

    await expect(run(files, mocks)).resolves.toEqual({
      created: 2,
      existing: 0,
      failed: 1,
      skipped: 0,
    });
    expect(mocks.sleep).not.toHaveBeenCalled();
    const logged = JSON.stringify([
      mocks.logger.debug.mock.calls,
      mocks.logger.info.mock.calls,
      mocks.logger.warn.mock.calls,
      mocks.logger.error.mock.calls,
    ]);
    expect(logged).toContain('junit.xml');
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('plugin-token');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const mocks = setup([]);
    const files = await findExampleEvidence(mockDir.path);

    await expect(
      uploadExampleEvidence({
        files,
        baseUrl: 'http://localhost:7007/api/assurance',
        getToken: async () => 'plugin-token',
        logger: mocks.logger,
        fetch: mocks.fetchMock as unknown as typeof fetch,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(mocks.fetchMock).not.toHaveBeenCalled();
  });
});
