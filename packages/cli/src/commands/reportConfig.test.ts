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
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { closedPort } from '../__testUtils__/fakeBackend';
import { makeFiles, runCli } from '../__testUtils__/runCli';

const TOKEN = 'report-token-90210';
const PATH =
  '/api/assurance/v1/entities/component/default/payments-api/runtime-config';

const report = {
  id: 'r-1',
  entityRef: 'component:default/payments-api',
  environment: 'prod',
  version: 'ab'.repeat(32),
  reportedBy: 'external:ci',
  reportedAt: '2026-12-03T12:00:00.000Z',
};

/**
 * A stand-in for the runtime-config route: in sync when the document sets
 * minLineRate 0.8, drifted otherwise; 400 for environments but dev and
 * prod, 401 for another token.
 */
async function startFakeBackend() {
  type Body = { environment: string; document: Record<string, unknown> };
  const received: Array<{ url: string; body: Body }> = [];
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    for await (const chunk of req) {
      text += chunk;
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      send(res, 401, { error: { message: 'Missing or invalid credentials' } });
      return;
    }
    const body = JSON.parse(text) as Body;
    received.push({ url: req.url ?? '', body });
    if (req.method !== 'POST' || req.url !== PATH) {
      send(res, 404, { error: { message: `Not found: ${req.url}` } });
      return;
    }
    if (!['dev', 'prod'].includes(body.environment)) {
      send(res, 400, {
        error: {
          message: `Unknown environment '${body.environment}'; known environments: dev, prod`,
        },
      });
      return;
    }
    const rate = body.document['gates.coverage.minLineRate'];
    const inSync = rate === 0.8;
    send(res, 201, {
      report,
      drift: {
        environment: body.environment,
        status: inSync ? 'in-sync' : 'drifted',
        reason: inSync
          ? 'The reported config matches all 2 expected keys'
          : '2 of 2 expected keys are missing or differ',
        latest: report,
        differences: inSync
          ? []
          : [
              { key: 'requiredGates', expected: ['coverage', 'unit-tests'] },
              {
                key: 'gates.coverage.minLineRate',
                expected: 0.8,
                actual: rate,
              },
            ],
        ...(inSync ? { lastKnownGood: report } : {}),
      },
    });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(error => send(res, 500, String(error)));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('assurance report-config', () => {
  let backend: Awaited<ReturnType<typeof startFakeBackend>>;
  let dir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    backend = await startFakeBackend();
    dir = makeFiles({
      'good.json': JSON.stringify({ 'gates.coverage.minLineRate': 0.8 }),
      'drifted.json': JSON.stringify({ 'gates.coverage.minLineRate': 0.5 }),
      'broken.json': '{ "gates": ',
      'list.json': '[1, 2]',
    });
    env = { ASSURANCE_URL: backend.url, ASSURANCE_TOKEN: TOKEN };
  });

  afterEach(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    runCli(['report-config', ...args], {
      cwd: dir,
      env: { ...env, ...extraEnv },
    });

  it('posts the document and exits 0 when in sync', async () => {
    const result = await cli([
      '--entity',
      'Payments-API',
      '--environment',
      'prod',
      'good.json',
    ]);
    expect(result.code).toBe(0);
    expect(backend.received).toEqual([
      {
        url: PATH,
        body: {
          environment: 'prod',
          document: { 'gates.coverage.minLineRate': 0.8 },
        },
      },
    ]);
    expect(result.stdout).toContain(
      'Reported version abababababab of component:default/payments-api in prod',
    );
    expect(result.stdout).toContain(
      'In sync: The reported config matches all 2 expected keys',
    );
    expect(result.all).not.toContain(TOKEN);
  });

  it('prints the differences and exits 1 when drifted', async () => {
    const result = await cli([
      '-e',
      'payments-api',
      '--environment',
      'prod',
      'drifted.json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /gates\.coverage\.minLineRate\s+│ 0\.8\s+│ 0\.5/,
    );
    expect(result.stdout).toMatch(
      /requiredGates\s+│ \["coverage","unit-tests"\]\s+│ \(missing\)/,
    );
    expect(result.stdout).toContain(
      'Drifted: 2 of 2 expected keys are missing or differ',
    );
    expect(result.stdout).toContain(
      'No report of this environment has been in sync yet.',
    );
  });

  it('prints the answer as JSON with --json, keeping the exit code', async () => {
    const drifted = await cli([
      '-e',
      'payments-api',
      '--environment',
      'prod',
      '--json',
      'drifted.json',
    ]);
    expect(drifted.code).toBe(1);
    expect(JSON.parse(drifted.stdout)).toMatchObject({
      report,
      drift: { status: 'drifted' },
    });

    const good = await cli([
      '-e',
      'payments-api',
      '--environment',
      'dev',
      '--json',
      'good.json',
    ]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).drift.status).toBe('in-sync');
  });

  it.each([
    [['--environment', 'prod', 'good.json'], 'required option'],
    [['-e', 'payments-api', 'good.json'], 'required option'],
    [
      ['-e', 'payments-api', '--environment', 'prod'],
      'missing required argument',
    ],
    [
      ['-e', 'payments-api', '--environment', 'prod', 'nope.json'],
      'No such file: nope.json',
    ],
    [
      ['-e', 'payments-api', '--environment', 'prod', 'broken.json'],
      'broken.json is not JSON',
    ],
    [
      ['-e', 'payments-api', '--environment', 'prod', 'list.json'],
      'document must be a JSON object',
    ],
    [
      ['-e', ':', '--environment', 'prod', 'good.json'],
      'is not an entity reference',
    ],
  ])('exits 2 for usage errors: %j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(backend.received).toEqual([]);
  });

  it('explains refusals by the backend', async () => {
    const unknown = await cli([
      '-e',
      'payments-api',
      '--environment',
      'qa',
      'good.json',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown environment 'qa'");

    const refused = await cli(
      ['-e', 'payments-api', '--environment', 'prod', '--verbose', 'good.json'],
      { ASSURANCE_TOKEN: 'wrong-token-xyz' },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('401 Unauthorized');
    expect(refused.stderr).toContain('Authorization: Bearer ***');
    expect(refused.all).not.toContain('wrong-token-xyz');
  });

  it('says when the backend cannot be reached', async () => {
    const port = await closedPort();
    const result = await cli(
      ['-e', 'payments-api', '--environment', 'prod', 'good.json'],
      { ASSURANCE_URL: `http://127.0.0.1:${port}` },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Could not reach the assurance backend at http://127.0.0.1:${port}`,
    );
  });
});
