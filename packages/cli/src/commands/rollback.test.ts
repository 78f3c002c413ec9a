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
  startBackendWithEnv,
} from '../__testUtils__/cliTestSetup';
import {
  FAKE_RELEASE_ID,
  PROMOTE_DIGESTS,
  ROLLBACK_RELEASE_ID,
  ROLLBACK_TARGET_DIGEST,
  closedPort,
} from '../__testUtils__/fakeBackend';
import { runCli } from '../__testUtils__/runCli';

const TOKEN = 'rollback-token-31337';

describe('assurance rollback', () => {
  let backend: FakeBackend;
  let env: Record<string, string>;

  beforeEach(async () => {
    ({ backend, env } = await startBackendWithEnv(TOKEN));
  });

  afterEach(() => backend.close());

  const rollback = (
    environment: string,
    ...flags: string[]
  ): ReturnType<typeof runCli> =>
    runCli(
      [
        'rollback',
        '-e',
        'payments-api',
        '--environment',
        environment,
        '--reason',
        'smoke test failed',
        ...flags,
      ],
      { env },
    );

  it('exits 0 and says what was rolled back to what, and what to do next', async () => {
    const result = await rollback('staging');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(backend.requests).toHaveLength(1);
    const [request] = backend.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      '/api/assurance/v1/entities/component/default/payments-api/environments/staging/rollbacks',
    );
    expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.json).toEqual({ reason: 'smoke test failed' });
    expect(result.stdout).toContain(
      `Rolled back staging for component:default/payments-api: release ${FAKE_RELEASE_ID} (payments-api 1.2.3 ${PROMOTE_DIGESTS.promoted}) is rolled-back`,
    );
    expect(result.stdout).toContain(
      `Back to payments-api 1.2.2 ${ROLLBACK_TARGET_DIGEST} as release ${ROLLBACK_RELEASE_ID} (deploying)`,
    );
    expect(result.stdout).toContain(
      `Redeploy ${ROLLBACK_TARGET_DIGEST} to staging, then report it: assurance release update --id ${ROLLBACK_RELEASE_ID} --status succeeded`,
    );
    expect(result.all).not.toContain(TOKEN);
  });

  it('prints { release, rolledBack } as JSON with --json', async () => {
    const result = await rollback('staging', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      release: {
        id: ROLLBACK_RELEASE_ID,
        status: 'deploying',
        rollbackOf: FAKE_RELEASE_ID,
        reason: 'smoke test failed',
        artifact: { digest: ROLLBACK_TARGET_DIGEST },
      },
      rolledBack: { id: FAKE_RELEASE_ID, status: 'rolled-back' },
    });
  });

  it('exits 1 with the server message when there is no rollback target', async () => {
    for (const flags of [[], ['--json']]) {
      const result = await rollback('prod', ...flags);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        'Not rolled back: 409 Conflict: prod has no rollback target: no earlier release succeeded there with a different digest',
      );
    }
  });

  it('exits 1 and explains a token that may not roll back', async () => {
    const result = await rollback('dev');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '403 Forbidden: ci may not roll back component:default/payments-api',
    );
    expect(result.all).not.toContain(TOKEN);
  });

  it('reports what the backend refuses (exit 1)', async () => {
    const result = await rollback('nowhere');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown environment nowhere');
  });

  it.each([
    ['no --reason', ['--environment', 'staging'], "required option '--reason"],
    [
      'a blank reason',
      ['--environment', 'staging', '--reason', '   '],
      'reason is required: say why you roll back',
    ],
    [
      'a reason over 2000 characters',
      ['--environment', 'staging', '--reason', 'x'.repeat(2001)],
      'reason must be at most 2000 characters',
    ],
    [
      'a blank environment',
      ['--environment', ' ', '--reason', 'x'],
      '--environment must not be empty',
    ],
    [
      'no --environment',
      ['--reason', 'x'],
      "required option '--environment <env>'",
    ],
  ])('exits 2 for %s before any request', async (_label, flags, message) => {
    const result = await runCli(['rollback', '-e', 'payments-api', ...flags], {
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(backend.requests).toHaveLength(0);
  });

  it('explains a rejected token without printing it (exit 1)', async () => {
    const result = await runCli(
      [
        'rollback',
        '-e',
        'payments-api',
        '--environment',
        'staging',
        '--reason',
        'smoke test failed',
      ],
      { env: { ...env, ASSURANCE_TOKEN: 'wrong-token' } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.all).not.toContain('wrong-token');
  });

  it('explains an unreachable backend (exit 1)', async () => {
    const port = await closedPort();
    const result = await runCli(
      [
        'rollback',
        '-e',
        'payments-api',
        '--environment',
        'staging',
        '--reason',
        'smoke test failed',
      ],
      { env: { ...env, ASSURANCE_URL: `http://127.0.0.1:${port}` } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not reach the assurance backend');
  });
});
