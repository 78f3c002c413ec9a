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
  releaseRecordArgs,
  startBackendWithEnv,
} from '../__testUtils__/cliTestSetup';
import { FAKE_RELEASE_ID, PROMOTE_DIGESTS } from '../__testUtils__/fakeBackend';
import { runCli } from '../__testUtils__/runCli';

const TOKEN = 'release-token-31337';
const DIGEST = PROMOTE_DIGESTS.promoted;
const EVIDENCE_1 = '0b7e3c52-5c1f-4d8e-9a6b-2f1d3c4b5a61';
const EVIDENCE_2 = '1c8f4d63-6d2a-4e9f-8b7c-3a2e4d5c6b72';
const EVIDENCE_3 = '2d9a5e74-7e3b-4fa1-9c8d-4b3f5e6d7c83';

describe('assurance release', () => {
  let backend: FakeBackend;
  let env: Record<string, string>;

  beforeEach(async () => {
    ({ backend, env } = await startBackendWithEnv(TOKEN));
  });

  afterEach(() => backend.close());

  describe('record', () => {
    it('posts the release and prints its id and status', async () => {
      const result = await runCli(
        [
          'release',
          'record',
          '--entity',
          'payments-api',
          '--environment',
          'staging',
          '--artifact',
          'payments-api',
          '--version',
          '1.2.3',
          '--digest',
          DIGEST.toUpperCase().replace('SHA256', 'sha256'),
          '--migration-status',
          'pending',
          '--reason',
          'weekly release',
          '--work-item',
          'CHG-42',
        ],
        { env },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(backend.requests).toHaveLength(1);
      const [request] = backend.requests;
      expect(request.method).toBe('POST');
      expect(request.url).toBe(
        '/api/assurance/v1/entities/component/default/payments-api/releases',
      );
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.json).toEqual({
        environment: 'staging',
        artifact: { name: 'payments-api', version: '1.2.3', digest: DIGEST },
        status: 'deploying',
        migrationStatus: 'pending',
        reason: 'weekly release',
        workItem: 'CHG-42',
      });
      expect(result.stdout).toContain(
        `Recorded release ${FAKE_RELEASE_ID}: deploying (migration pending)`,
      );
      expect(result.all).not.toContain(TOKEN);
    });

    it('sends when it was deployed and the evidence ids, repeated or comma-separated', async () => {
      const [smoke, log, extra] = [EVIDENCE_1, EVIDENCE_2, EVIDENCE_3];
      const result = await runCli(
        releaseRecordArgs(
          {
            entity: 'payments-api',
            environment: 'staging',
            artifact: 'payments-api',
          },
          '--digest',
          DIGEST,
          '--status',
          'succeeded',
          '--deployed-at',
          '2026-01-01T10:15:00+02:00',
          '--evidence',
          `${smoke}, ${log}`,
          '--evidence',
          extra,
          '--json',
        ),
        { env },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(backend.requests[0].json).toEqual({
        environment: 'staging',
        artifact: { name: 'payments-api', digest: DIGEST },
        status: 'succeeded',
        migrationStatus: 'none',
        deployedAt: '2026-01-01T10:15:00+02:00',
        evidenceIds: [smoke, log, extra],
      });
      expect(JSON.parse(result.stdout).evidenceIds).toEqual([
        smoke,
        log,
        extra,
      ]);
    });

    it('prints the release as JSON with --json', async () => {
      const result = await runCli(
        releaseRecordArgs(
          {
            entity: 'payments-api',
            environment: 'staging',
            artifact: 'payments-api',
          },
          '--digest',
          DIGEST,
          '--status',
          'succeeded',
          '--json',
        ),
        { env },
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        id: FAKE_RELEASE_ID,
        status: 'succeeded',
        migrationStatus: 'none',
      });
    });

    it.each([
      [['--digest', 'abc'], 'digest must look like sha256:<hex>'],
      [
        ['--digest', DIGEST, '--status', 'done'],
        'status must be deploying, succeeded or failed',
      ],
      [
        ['--digest', DIGEST, '--migration-status', 'maybe'],
        'migrationStatus must be none, pending, applied, failed or rolled-back',
      ],
      [
        ['--digest', DIGEST, '--deployed-at', '2026-01-01T10:15:00'],
        'deployedAt must be an ISO 8601 date-time with a time zone',
      ],
      [
        ['--digest', DIGEST, '--deployed-at', 'yesterday'],
        'deployedAt must be an ISO 8601 date-time with a time zone',
      ],
      [
        ['--digest', DIGEST, '--evidence', `${EVIDENCE_1},e1`],
        'evidenceIds must hold evidence ids (UUIDs)',
      ],
      [
        ['--digest', DIGEST, '--evidence', ' , '],
        'name at least one evidence id',
      ],
    ])('refuses %j before any request (exit 2)', async (flags, message) => {
      const result = await runCli(
        releaseRecordArgs(
          {
            entity: 'payments-api',
            environment: 'staging',
            artifact: 'payments-api',
          },
          ...flags,
        ),
        { env },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(backend.requests).toHaveLength(0);
    });

    it('exits 2 without the required options', async () => {
      const result = await runCli(['release', 'record', '-e', 'payments-api'], {
        env,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("required option '--environment <env>'");
    });

    it('explains a rejected token without printing it (exit 1)', async () => {
      const result = await runCli(
        releaseRecordArgs(
          {
            entity: 'payments-api',
            environment: 'staging',
            artifact: 'payments-api',
          },
          '--digest',
          DIGEST,
        ),
        { env: { ...env, ASSURANCE_TOKEN: 'wrong-token' } },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('401 Unauthorized');
      expect(result.all).not.toContain('wrong-token');
    });

    it('explains an unknown entity (exit 1)', async () => {
      const result = await runCli(
        releaseRecordArgs(
          { entity: 'unknown', environment: 'staging', artifact: 'x' },
          '--digest',
          DIGEST,
        ),
        { env },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('404 Not Found');
    });
  });

  describe('update', () => {
    it('patches the release and prints its status', async () => {
      const result = await runCli(
        [
          'release',
          'update',
          '--id',
          FAKE_RELEASE_ID,
          '--status',
          'failed',
          '--migration-status',
          'rolled-back',
        ],
        { env },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const [request] = backend.requests;
      expect(request.method).toBe('PATCH');
      expect(request.url).toBe(`/api/assurance/v1/releases/${FAKE_RELEASE_ID}`);
      expect(request.json).toEqual({
        status: 'failed',
        migrationStatus: 'rolled-back',
      });
      expect(result.stdout).toContain(
        `Updated release ${FAKE_RELEASE_ID}: failed (migration rolled-back)`,
      );
    });

    it('exits 2 when neither --status nor --migration-status is given', async () => {
      const result = await runCli(['release', 'update', '--id', 'rel-1'], {
        env,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('give status, migrationStatus or both');
      expect(backend.requests).toHaveLength(0);
    });

    it('exits 2 for a status a deployment cannot move to', async () => {
      const result = await runCli(
        ['release', 'update', '--id', 'rel-1', '--status', 'deploying'],
        { env },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('status must be succeeded or failed');
    });

    it('explains an unknown release (exit 1)', async () => {
      const result = await runCli(
        ['release', 'update', '--id', 'nope', '--status', 'succeeded'],
        { env },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('404 Not Found: No release nope');
    });
  });

  describe('withdraw', () => {
    it('ends the request with its reason and prints the new status', async () => {
      const result = await runCli(
        [
          'release',
          'withdraw',
          '--id',
          FAKE_RELEASE_ID,
          '--reason',
          'superseded by build 42',
        ],
        { env },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const [request] = backend.requests;
      expect(request.method).toBe('POST');
      expect(request.url).toBe(
        `/api/assurance/v1/releases/${FAKE_RELEASE_ID}/reject`,
      );
      expect(request.json).toEqual({ reason: 'superseded by build 42' });
      expect(result.stdout).toContain(
        `Ended release ${FAKE_RELEASE_ID}: withdrawn\n`,
      );
    });

    it('exits 2 without a reason, before any request', async () => {
      const result = await runCli(
        ['release', 'withdraw', '--id', FAKE_RELEASE_ID, '--reason', ' '],
        { env },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('reason is required');
      expect(backend.requests).toHaveLength(0);
    });

    it('explains a request that was decided already (exit 1)', async () => {
      const result = await runCli(
        ['release', 'withdraw', '--id', 'rel-9', '--reason', 'stale'],
        { env },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('409 Conflict');
    });
  });
});
