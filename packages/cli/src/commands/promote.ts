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

import { promotionRequestSchema } from '@real-app-forever/plugin-assurance-common';
import { Command } from 'commander';
import { createCliApi, withBackendOutputAndExit } from '../lib/backendCommand';
import {
  CommandContext,
  parseEntityOption,
  parseFlags,
  requireFlag,
} from '../lib/options';

/** Exit code of a promotion that waits for a second person's approval. */
export const EXIT_PENDING_APPROVAL = 3;

interface PromoteOptions {
  entity: string;
  environment: string;
  digest: string;
  artifact?: string;
  version?: string;
  reason?: string;
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

const EXIT_CODES = {
  promoted: 0,
  'pending-approval': EXIT_PENDING_APPROVAL,
  refused: 1,
} as const;

export function registerPromoteCommand(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command('promote')
    .description(
      'Ask whether an artifact digest may be promoted to an environment; exit 0 promoted, 3 pending approval, 1 refused. The plugin decides; the pipeline deploys.',
    )
    .requiredOption(
      '-e, --entity <ref>',
      'the catalog entity, e.g. component:default/payments-api',
    )
    .requiredOption(
      '--environment <env>',
      'the environment to promote to, e.g. staging',
    )
    .requiredOption('--digest <digest>', 'the artifact digest, sha256:<hex>')
    .option('--artifact <name>', 'the artifact name')
    .option('--version <version>', 'the artifact version')
    .option('--reason <text>', 'why this is promoted');
  withBackendOutputAndExit<PromoteOptions>(command, {
    jsonDescription: 'print the decision as JSON',
    context,
    run: promote,
  });
}

async function promote(
  options: PromoteOptions,
  context: CommandContext,
): Promise<number> {
  const { output } = context;
  const entityRef = parseEntityOption(options.entity);
  const environment = requireFlag('--environment', options.environment);
  const body = parseFlags(promotionRequestSchema, {
    digest: options.digest,
    name: options.artifact,
    version: options.version,
    reason: options.reason,
  });
  const api = createCliApi(options, context);

  const result = await api.promote({
    entityRef,
    environment,
    body,
  });
  const code = EXIT_CODES[result.decision];
  if (code === undefined) {
    throw new Error('the backend answered an unknown decision');
  }

  if (options.json) {
    output.line(JSON.stringify(result, null, 2));
    return code;
  }
  const headline = {
    promoted: 'Promoted',
    'pending-approval': 'Pending approval',
    refused: 'Refused',
  }[result.decision];
  output.line(
    `${headline}: ${body.digest} to ${environment} for ${entityRef}${
      result.release ? ` (release ${result.release.id})` : ''
    }`,
  );
  for (const reason of result.reasons ?? []) {
    output.line(`  - ${reason}`);
  }
  if (result.decision === 'pending-approval') {
    output.line(
      'A second person must approve this promotion in Backstage; deploy once it is approved.',
    );
  }
  return code;
}
