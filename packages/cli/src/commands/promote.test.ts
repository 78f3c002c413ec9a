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
  FakeBackend,
  promoteArgs,
  startBackendWithEnv,
} from '../__testUtils__/cliTestSetup';
import { PROMOTE_DIGESTS, closedPort } from '../__testUtils__/fakeBackend';
import { runCli } from '../__testUtils__/runCli';

const TOKEN = 'promote-token-31337';

describe('assurance promote', () => {
  let backend: FakeBackend;
  let env: Record<string, string>;

  beforeEach(async () => {
    ({ backend, env } = await startBackendWithEnv(TOKEN));
  });

  afterEach(() => backend.close());

  const promote = (digest: string, ...flags: string[]) =>
    runCli(
      [
        'promote',
        '--entity',
        'payments-api',
        '--environment',
        'staging',
        '--digest',
        digest,
        ...flags,
      ],
      { env },
    );

  it('exits 0 and prints the reasons when promoted', async () => {
    const result = await promote(
      PROMOTE_DIGESTS.promoted,
      '--artifact',
      'payments-api',
      '--version',
      '1.2.3',
      '--reason',
      'ship it',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [request] = backend.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      '/api/assurance/v1/entities/component/default/payments-api/environments/staging/promotions',
    );
    expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.json).toEqual({
      digest: PROMOTE_DIGESTS.promoted,
      name: 'payments-api',
      version: '1.2.3',
      reason: 'ship it',
    });
    expect(result.stdout).toContain(
      `Promoted: ${PROMOTE_DIGESTS.promoted} to staging for component:default/payments-api (release rel-2)`,
    );
    expect(result.stdout).toContain('  - All required gates passed');
    expect(result.all).not.toContain(TOKEN);
  });

  it('exits 3 when the promotion waits for approval', async () => {
    const result = await promote(PROMOTE_DIGESTS['pending-approval']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Pending approval:');
    expect(result.stdout).toContain('  - staging requires a second approval');
    expect(result.stdout).toContain('A second person must approve');
  });

  it('exits 1 and prints why when refused', async () => {
    const result = await promote(PROMOTE_DIGESTS.refused);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Refused:');
    expect(result.stdout).toContain('  - Gate tests-pass is failed');
    expect(result.stdout).toContain('  - Not deployed to dev yet');
  });

  it.each([
    ['promoted', 0],
    ['pending-approval', 3],
    ['refused', 1],
  ] as const)(
    'prints the decision as JSON with --json (%s exits %d)',
    async (decision, code) => {
      const result = await promote(PROMOTE_DIGESTS[decision], '--json');
      expect(result.code).toBe(code);
      expect(JSON.parse(result.stdout)).toMatchObject({ decision });
    },
  );

  it('exits 2 for a malformed digest before any request', async () => {
    const result = await promote('latest');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('digest must look like sha256:<hex>');
    expect(backend.requests).toHaveLength(0);
  });

  it('exits 2 without ASSURANCE_TOKEN', async () => {
    const result = await runCli(
      promoteArgs({
        entity: 'payments-api',
        environment: 'staging',
        digest: PROMOTE_DIGESTS.promoted,
      }),
      { env: { ASSURANCE_URL: backend.url } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Set ASSURANCE_TOKEN');
  });

  it('explains a rejected token without printing it (exit 1)', async () => {
    const result = await runCli(
      promoteArgs({
        entity: 'payments-api',
        environment: 'staging',
        digest: PROMOTE_DIGESTS.promoted,
      }),
      { env: { ...env, ASSURANCE_TOKEN: 'wrong-token' } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.all).not.toContain('wrong-token');
  });

  it('reports what the backend refuses (exit 1)', async () => {
    const result = await runCli(
      promoteArgs({
        entity: 'payments-api',
        environment: 'nowhere',
        digest: PROMOTE_DIGESTS.promoted,
      }),
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown environment nowhere');
  });

  it('explains an unreachable backend (exit 1)', async () => {
    const port = await closedPort();
    const result = await runCli(
      promoteArgs({
        entity: 'payments-api',
        environment: 'staging',
        digest: PROMOTE_DIGESTS.promoted,
      }),
      { env: { ...env, ASSURANCE_URL: `http://127.0.0.1:${port}` } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not reach the assurance backend');
  });
});
