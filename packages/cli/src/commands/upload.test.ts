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

import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import {
  closedPort,
  evidenceIdOf,
  MAX_BYTES,
  startFakeBackend,
} from '../__testUtils__/fakeBackend';
import { makeFiles, runCli } from '../__testUtils__/runCli';

const TOKEN = 'tok-Very-Secret-4242';

describe('assurance upload', () => {
  let backend: Awaited<ReturnType<typeof startFakeBackend>>;
  let dir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    backend = await startFakeBackend({ token: TOKEN });
    dir = makeFiles({
      'reports/junit/results.xml': '<testsuite tests="1"/>',
      'reports/audit.json': '{"auditReportVersion":2}',
      'reports/bad.txt': 'garbage, not evidence',
      'reports/huge.json': `{"x":"${'a'.repeat(MAX_BYTES)}"}`,
      'other/readme.md': 'not uploaded',
    });
    env = { ASSURANCE_URL: backend.url, ASSURANCE_TOKEN: TOKEN };
  });

  afterEach(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads every file a glob matches and reports each outcome', async () => {
    const result = await runCli(
      ['upload', '--entity', 'Component:default/Payments-API', 'reports/**/*'],
      {
        cwd: dir,
        env: {
          ...env,
          GITHUB_RUN_ID: '777',
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_SHA: 'abcdef1234567',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/payments',
        },
      },
    );

    expect(result.code).toBe(1);
    expect(backend.requests).toHaveLength(4);
    const audit = backend.requests.find(r => r.file?.name === 'audit.json');
    expect(audit?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(audit?.fields).toEqual({
      entityRef: 'component:default/payments-api',
      executionId: '777-2',
      commit: 'abcdef1234567',
      pipelineUrl:
        'https://github.com/acme/payments/actions/runs/777/attempts/2',
    });
    expect(result.stdout).toMatch(
      /reports\/junit\/results\.xml\s+│ junit\s+│ created/,
    );
    expect(result.stdout).toMatch(
      /reports\/audit\.json\s+│ npm-audit\s+│ created/,
    );
    expect(result.stdout).toMatch(/bad\.txt .*refused .*unrecognised format/);
    expect(result.stdout).toMatch(/huge\.json .*refused .*too large \(413\)/);
    expect(result.stdout).toContain('2 created, 2 refused');
    expect(result.stdout).not.toContain('readme');
  });

  it('says already stored for the same bytes of the same execution', async () => {
    const args = ['upload', '-e', 'payments-api', '--execution-id', 'b-1'];
    const files = ['reports/audit.json', 'reports/junit'];
    expect((await runCli([...args, ...files], { cwd: dir, env })).code).toBe(0);
    const again = await runCli([...args, ...files], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2 already stored');
    expect(backend.requests[0].fields.executionId).toBe('b-1');
  });

  it('sends the link flags, which win over CI variables', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const result = await runCli(
      [
        'upload',
        '-e',
        'component:default/payments-api',
        '--artifact',
        'payments-image',
        '--version',
        '1.4.2',
        '--digest',
        digest,
        '--work-item',
        'PAY-9',
        '--release-id',
        'r-7',
        '--gate',
        'smoke-test',
        '--commit',
        'deadbeef',
        '--format',
        'npm-audit',
        'reports/audit.json',
      ],
      {
        cwd: dir,
        env: { ...env, CI_PIPELINE_ID: '55', CI_COMMIT_SHA: 'nothex!' },
      },
    );
    expect(result.code).toBe(0);
    expect(backend.requests[0].fields).toEqual({
      entityRef: 'component:default/payments-api',
      format: 'npm-audit',
      executionId: '55',
      workItem: 'PAY-9',
      artifact: 'payments-image',
      version: '1.4.2',
      digest,
      releaseId: 'r-7',
      gate: 'smoke-test',
      commit: 'deadbeef',
    });
  });

  it('prints only JSON on stdout with --json, with the evidence ids', async () => {
    const result = await runCli(
      [
        'upload',
        '-e',
        'payments-api',
        '--execution-id',
        'b-2',
        '--gate',
        'smoke-test',
        '--json',
        'reports/audit.json',
        'reports/bad.txt',
        'reports/junit',
      ],
      { cwd: dir, env },
    );
    expect(result.code).toBe(1);
    const idOf = (text: string) =>
      evidenceIdOf(createHash('sha256').update(text).digest('hex'));
    const auditId = idOf('{"auditReportVersion":2}');
    const junitId = idOf('<testsuite tests="1"/>');
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      entityRef: 'component:default/payments-api',
      executionId: 'b-2',
      evidenceIds: [auditId, junitId],
      files: [
        expect.objectContaining({
          file: 'reports/audit.json',
          status: 'created',
          id: auditId,
          format: 'npm-audit',
        }),
        expect.objectContaining({
          file: 'reports/bad.txt',
          status: 'refused',
          reason: 'unrecognised format',
        }),
        expect.objectContaining({
          file: 'reports/junit/results.xml',
          status: 'created',
          id: junitId,
        }),
      ],
    });
    expect(report.files[1].id).toBeUndefined();
    expect(result.stderr).toContain('Uploading 3 files');
    expect(result.stderr).toContain('[3/3] ');
    expect(backend.requests.every(r => r.fields.gate === 'smoke-test')).toBe(
      true,
    );
  });

  it('prints the ids of files already stored with --json', async () => {
    const args = ['upload', '-e', 'payments-api', '--execution-id', 'b-3'];
    await runCli([...args, 'reports/audit.json'], { cwd: dir, env });
    const again = await runCli([...args, '--json', 'reports/audit.json'], {
      cwd: dir,
      env,
    });
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.files[0].status).toBe('already stored');
    expect(report.evidenceIds).toEqual([report.files[0].id]);
  });

  it('drops a CI default the backend would refuse, with a warning', async () => {
    const result = await runCli(
      ['upload', '-e', 'payments-api', 'reports/audit.json'],
      {
        cwd: dir,
        env: { ...env, CI_PIPELINE_ID: '55', CI_COMMIT_SHA: 'nothex!' },
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('not sending commit from GitLab CI');
    expect(backend.requests[0].fields.commit).toBeUndefined();
  });

  it('stops at a token the backend refuses and never prints the token', async () => {
    await backend.close();
    backend = await startFakeBackend({ token: 'another', echoToken: true });
    const result = await runCli(
      [
        'upload',
        '-e',
        'payments-api',
        '--concurrency',
        '1',
        '--verbose',
        'reports',
      ],
      { cwd: dir, env: { ...env, ASSURANCE_URL: backend.url } },
    );
    expect(result.code).toBe(1);
    expect(backend.requests).toHaveLength(1);
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.stderr).toContain('ASSURANCE_TOKEN');
    expect(result.stdout).toContain('3 skipped');
    expect(result.all).toContain('Bearer ***');
    expect(result.all).not.toContain(TOKEN);
  });

  it('never prints the token when the backend echoes it in a refusal', async () => {
    await backend.close();
    backend = await startFakeBackend({ token: TOKEN, echoToken: true });
    const result = await runCli(
      ['upload', '-e', 'payments-api', '--verbose', 'reports/bad.txt'],
      { cwd: dir, env: { ...env, ASSURANCE_URL: backend.url } },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bad file sent with Bearer ***');
    expect(result.all).not.toContain(TOKEN);
  });

  it('explains an unknown entity', async () => {
    const result = await runCli(
      ['upload', '-e', 'component:default/nope', 'reports/audit.json'],
      { cwd: dir, env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '404 Not Found: No entity component:default/nope',
    );
  });

  it('explains a backend that is not running', async () => {
    const port = await closedPort();
    const result = await runCli(
      ['upload', '-e', 'payments-api', 'reports/audit.json'],
      { cwd: dir, env: { ...env, ASSURANCE_URL: `http://127.0.0.1:${port}` } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Could not reach the assurance backend at http://127.0.0.1:${port} (connection refused)`,
    );
  });

  it('prints one plain line per file when stdout is not a terminal', async () => {
    const result = await runCli(
      ['upload', '-e', 'payments-api', 'reports/audit.json', 'reports/bad.txt'],
      { cwd: dir, env },
    );
    expect(result.stdout).toContain('[1/2] ');
    expect(result.stdout).toContain('[2/2] ');
    expect(result.stdout).toMatch(
      /created: reports\/audit\.json \(npm-audit\)/,
    );
  });

  it.each([
    [['upload', 'reports/audit.json'], 'required option'],
    [['upload', '-e', 'payments-api'], "missing required argument 'files'"],
    [['upload', '-e', 'component:default/', 'x'], 'is not an entity reference'],
    [['upload', '-e', 'payments-api', '--digest', 'md5', 'x'], 'sha256:<hex>'],
    [['upload', '-e', 'payments-api', '--commit', 'xyz', 'x'], 'hex commit id'],
    [
      ['upload', '-e', 'payments-api', '--gate', 'Smoke Test', 'x'],
      'gate must be a gate id',
    ],
    [
      ['upload', '-e', 'payments-api', '--format', 'pdf', 'x'],
      'Allowed choices',
    ],
    [['upload', '-e', 'payments-api', '--concurrency', '9', 'x'], '1 to 4'],
    [
      ['upload', '-e', 'payments-api', 'missing.xml'],
      'No such file: missing.xml',
    ],
    [['upload', '-e', 'payments-api', 'nothing/*.xml'], 'No files to work on'],
    [['frobnicate'], 'unknown command'],
  ])('exits 2 for usage errors: %j', async (args, message) => {
    const result = await runCli(args, { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(backend.requests).toHaveLength(0);
  });

  it('exits 2 without ASSURANCE_URL or ASSURANCE_TOKEN', async () => {
    const args = ['upload', '-e', 'payments-api', 'reports/audit.json'];
    const noUrl = await runCli(args, {
      cwd: dir,
      env: { ASSURANCE_TOKEN: TOKEN },
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('Set ASSURANCE_URL');
    const noToken = await runCli(args, {
      cwd: dir,
      env: { ASSURANCE_URL: backend.url },
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('Set ASSURANCE_TOKEN');
    const withCredentials = await runCli(args, {
      cwd: dir,
      env: { ...env, ASSURANCE_URL: `http://user:${TOKEN}@localhost:7007` },
    });
    expect(withCredentials.code).toBe(2);
    expect(withCredentials.all).not.toContain(TOKEN);
  });

  it('accepts --url, also with the API path, instead of ASSURANCE_URL', async () => {
    const result = await runCli(
      [
        'upload',
        '-e',
        'payments-api',
        '--url',
        `${backend.url}/api/assurance/`,
        'reports/audit.json',
      ],
      { cwd: dir, env: { ASSURANCE_TOKEN: TOKEN } },
    );
    expect(result.code).toBe(0);
    expect(backend.requests[0].url).toBe('/api/assurance/v1/evidence');
  });
});
