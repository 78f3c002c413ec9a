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
  RollbackResult,
  rollbackRequestSchema,
} from '@real-app-forever/plugin-assurance-common';
import { Command } from 'commander';
import { createCliApi, withBackendOutputAndExit } from '../lib/backendCommand';
import { ApiError } from '../lib/errors';
import {
  CommandContext,
  parseEntityOption,
  parseFlags,
  requireFlag,
} from '../lib/options';

interface RollbackOptions {
  entity: string;
  environment: string;
  reason: string;
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

export function registerRollbackCommand(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command('rollback')
    .description(
      'Roll an environment back to the last release that succeeded there with another digest; exit 0 rolled back, 1 refused or nothing to roll back to. The plugin records it; the pipeline redeploys.',
    )
    .requiredOption(
      '-e, --entity <ref>',
      'the catalog entity, e.g. component:default/payments-api',
    )
    .requiredOption(
      '--environment <env>',
      'the environment to roll back, e.g. staging',
    )
    .requiredOption(
      '--reason <text>',
      'why, e.g. "smoke test failed"; kept in the release history',
    );
  withBackendOutputAndExit<RollbackOptions>(command, {
    jsonDescription: 'print { release, rolledBack } as JSON',
    context,
    run: rollback,
  });
}

async function rollback(
  options: RollbackOptions,
  context: CommandContext,
): Promise<number> {
  const { output } = context;
  const entityRef = parseEntityOption(options.entity);
  const environment = requireFlag('--environment', options.environment);
  const body = parseFlags(rollbackRequestSchema, { reason: options.reason });
  const api = createCliApi(options, context);

  let result: RollbackResult;
  try {
    result = await api.rollback({
      entityRef,
      environment,
      body,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      output.error(`Not rolled back: ${error.message}`);
      return 1;
    }
    throw error;
  }

  if (options.json) {
    output.line(JSON.stringify(result, null, 2));
    return 0;
  }
  const { release, rolledBack } = result;
  output.line(
    `Rolled back ${environment} for ${entityRef}: ${describe(rolledBack)} is ${
      rolledBack.status
    }`,
  );
  output.line(
    `Back to ${describeArtifact(release)} as release ${release.id} (${
      release.status
    })`,
  );
  output.line(
    `Redeploy ${release.artifact.digest} to ${environment}, then report it: assurance release update --id ${release.id} --status succeeded`,
  );
  return 0;
}

function describe(release: Release): string {
  return `release ${release.id} (${describeArtifact(release)})`;
}

function describeArtifact(release: Release): string {
  const { name, version, digest } = release.artifact;
  return `${name}${version ? ` ${version}` : ''} ${digest}`;
}
