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
  Release,
  rejectPromotionSchema,
  releaseRecordSchema,
  releaseUpdateSchema,
} from '@real-app-forever/plugin-assurance-common';
import { Command, InvalidArgumentError } from 'commander';
import { createCliApi } from '../lib/backendCommand';
import {
  CommandContext,
  parseEntityOption,
  parseFlags,
  requireFlag,
} from '../lib/options';

interface ConnectionOptions {
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

interface RecordOptions extends ConnectionOptions {
  entity: string;
  environment: string;
  artifact: string;
  digest: string;
  version?: string;
  status?: string;
  migrationStatus?: string;
  reason?: string;
  workItem?: string;
  deployedAt?: string;
  evidence?: string[];
}

interface UpdateOptions extends ConnectionOptions {
  id: string;
  status?: string;
  migrationStatus?: string;
}

interface WithdrawOptions extends ConnectionOptions {
  id: string;
  reason: string;
}

export function registerReleaseCommand(
  program: Command,
  context: CommandContext,
): void {
  const release = program
    .command('release')
    .description(
      'Record a deployment to an environment and report how it proceeds',
    );

  withConnectionOptions(
    release
      .command('record')
      .description(
        'Record a deployment of an artifact to an environment; prints the release id',
      )
      .requiredOption(
        '-e, --entity <ref>',
        'the catalog entity, e.g. component:default/payments-api',
      )
      .requiredOption(
        '--environment <env>',
        'the environment deployed to, e.g. staging',
      )
      .requiredOption('--artifact <name>', 'the artifact name')
      .requiredOption('--digest <digest>', 'the artifact digest, sha256:<hex>')
      .option('--version <version>', 'the artifact version')
      .option(
        '--status <status>',
        'deploying, succeeded or failed (default deploying)',
      )
      .option(
        '--migration-status <status>',
        'none, pending, applied, failed or rolled-back (default none)',
      )
      .option('--reason <text>', 'why this is deployed')
      .option('--work-item <id>', 'the change request or ticket')
      .option(
        '--deployed-at <iso8601>',
        'when the deployment happened, with a time zone, e.g. 2026-05-04T10:15:00Z (default now); for pipelines that report after the fact',
      )
      .option(
        '--evidence <id>',
        'evidence of this deployment, e.g. the deploy log or smoke-test report uploaded just before (upload --json prints the ids); repeat or comma-separate',
        collectIds,
      ),
  ).action(async (options: RecordOptions) => {
    context.setExitCode(await record(options, context));
  });

  withConnectionOptions(
    release
      .command('update')
      .description('Report the outcome of a recorded deployment')
      .requiredOption('--id <id>', 'the release id that record printed')
      .option('--status <status>', 'succeeded or failed')
      .option(
        '--migration-status <status>',
        'none, pending, applied, failed or rolled-back',
      ),
  ).action(async (options: UpdateOptions) => {
    context.setExitCode(await update(options, context));
  });

  withConnectionOptions(
    release
      .command('withdraw')
      .description(
        'Withdraw a promotion request still waiting for approval, e.g. one superseded by a newer build',
      )
      .requiredOption(
        '--id <id>',
        'the release id of the request (promote --json prints it)',
      )
      .requiredOption('--reason <text>', 'why the request stops'),
  ).action(async (options: WithdrawOptions) => {
    context.setExitCode(await withdraw(options, context));
  });
}

/** `--evidence a,b --evidence c`: every id given, in order. */
function collectIds(value: string, previous: string[] = []): string[] {
  const ids = value
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    throw new InvalidArgumentError('name at least one evidence id');
  }
  return [...previous, ...ids];
}

function withConnectionOptions(command: Command): Command {
  return command
    .option('--json', 'print the release as JSON')
    .option('--url <url>', 'base URL of the Backstage backend [ASSURANCE_URL]')
    .option('--verbose', 'log each request (never the token)');
}

async function record(
  options: RecordOptions,
  context: CommandContext,
): Promise<number> {
  const entityRef = parseEntityOption(options.entity);
  const body = parseFlags(releaseRecordSchema, {
    environment: options.environment,
    artifact: {
      name: options.artifact,
      version: options.version,
      digest: options.digest,
    },
    status: options.status,
    migrationStatus: options.migrationStatus,
    reason: options.reason,
    workItem: options.workItem,
    deployedAt: options.deployedAt,
    evidenceIds: options.evidence,
  });
  const api = createCliApi(options, context);
  const release = await api.recordRelease({ entityRef, body });
  printRelease(release, options, context, 'Recorded');
  return 0;
}

async function update(
  options: UpdateOptions,
  context: CommandContext,
): Promise<number> {
  const id = requireFlag('--id', options.id);
  const body = parseFlags(releaseUpdateSchema, {
    status: options.status,
    migrationStatus: options.migrationStatus,
  });
  const api = createCliApi(options, context);
  const release = await api.updateRelease({ id, body });
  printRelease(release, options, context, 'Updated');
  return 0;
}

async function withdraw(
  options: WithdrawOptions,
  context: CommandContext,
): Promise<number> {
  const id = requireFlag('--id', options.id);
  const body = parseFlags(rejectPromotionSchema, { reason: options.reason });
  const api = createCliApi(options, context);
  const release = await api.rejectRelease({ id, body });
  printRelease(release, options, context, 'Ended');
  return 0;
}

function printRelease(
  release: Release,
  options: ConnectionOptions,
  context: CommandContext,
  verb: string,
) {
  const { output } = context;
  if (options.json) {
    output.line(JSON.stringify(release, null, 2));
    return;
  }
  // A request that ended without a deploy has no migrations to report.
  const migration = release.rejectedBy
    ? ''
    : ` (migration ${release.migrationStatus})`;
  output.line(`${verb} release ${release.id}: ${release.status}${migration}`);
  output.line(
    `${release.entityRef} ${release.environment} ${release.artifact.name}${
      release.artifact.version ? ` ${release.artifact.version}` : ''
    } ${release.artifact.digest}`,
  );
}
