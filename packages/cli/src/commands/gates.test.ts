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

import { FAKE_GATES, startFakeBackend } from '../__testUtils__/fakeBackend';
import { runCli } from '../__testUtils__/runCli';

const TOKEN = 'gates-token-31337';

describe('assurance gates', () => {
  let backend: Awaited<ReturnType<typeof startFakeBackend>>;
  let env: Record<string, string>;

  beforeEach(async () => {
    backend = await startFakeBackend({ token: TOKEN });
    env = { ASSURANCE_URL: backend.url, ASSURANCE_TOKEN: TOKEN };
  });

  afterEach(() => backend.close());

  it('prints the verdicts and exits 1 when a gate failed', async () => {
    const result = await runCli(['gates', '--entity', 'payments-api'], { env });
    expect(result.code).toBe(1);
    expect(backend.requests[0].url).toBe(
      '/api/assurance/v1/entities/component/default/payments-api/gates',
    );
    expect(result.stdout).toContain(
      'Gates of component:default/payments-api (risk level high)',
    );
    expect(result.stdout).toMatch(
      /failed\s+│ Tests pass\s+│ 2 of 10 tests failed/,
    );
    expect(result.stdout).toContain('To fix: Fix the failing tests');
    expect(result.stdout).toContain('To fix: Upload a CycloneDX JSON SBOM');
    expect(result.stdout).toMatch(/passed\s+│ No critical vulnerabilities/);
    expect(result.stdout).toContain('1 failed, 1 missing, 1 passed');
    expect(result.stdout).toContain(
      'Blocked: 1 gate with status failed: Tests pass',
    );
    expect(result.all).not.toContain(TOKEN);
  });

  it.each([
    ['failed,missing', 1, 'Blocked: 2 gates'],
    ['missing', 1, 'Blocked: 1 gate with status missing'],
    ['unknown', 0, 'OK: no gate is unknown'],
    ['none', 0, 'OK: --fail-on none'],
  ])('--fail-on %s exits %d', async (failOn, code, message) => {
    const result = await runCli(
      ['gates', '-e', 'payments-api', '--fail-on', failOn],
      { env },
    );
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(message);
  });

  it('prints the JSON the backend answered with --json', async () => {
    const result = await runCli(['gates', '-e', 'payments-api', '--json'], {
      env,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(FAKE_GATES);
  });

  it('passes --artifact through as ?digest=', async () => {
    const digest = `sha256:${'0f'.repeat(32)}`;
    const result = await runCli(
      [
        'gates',
        '-e',
        'payments-api',
        '--artifact',
        digest,
        '--fail-on',
        'none',
      ],
      { env },
    );
    expect(result.code).toBe(0);
    expect(backend.requests[0].url).toBe(
      `/api/assurance/v1/entities/component/default/payments-api/gates?digest=${encodeURIComponent(
        digest,
      )}`,
    );
    expect(result.stdout).toContain(`for ${digest}`);
  });

  it.each([
    [
      ['gates', '-e', 'payments-api', '--fail-on', 'red'],
      "'red' is not a gate status",
    ],
    [
      ['gates', '-e', 'payments-api', '--artifact', 'v1.2'],
      'sha256:<hex digits>',
    ],
    [['gates'], 'required option'],
  ])('exits 2 for usage errors: %j', async (args, message) => {
    const result = await runCli(args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('explains an unknown entity and a refused token', async () => {
    const unknown = await runCli(['gates', '-e', 'component:default/unknown'], {
      env,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      '404 Not Found: No entity component:default/unknown',
    );

    const refused = await runCli(['gates', '-e', 'payments-api', '--verbose'], {
      env: { ...env, ASSURANCE_TOKEN: 'wrong-token-xyz' },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('401 Unauthorized');
    expect(refused.all).not.toContain('wrong-token-xyz');
  });
});
