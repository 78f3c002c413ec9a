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

import { Command } from 'commander';
import { CliApi } from './api';
import { resolveConnection } from './config';
import { CommandContext } from './options';

/**
 * Adds the `--json`, `--url` and `--verbose` options shared by the commands
 * that ask the backend, and sets the exit code to what `run` returns.
 */
export function withBackendOutputAndExit<T>(
  command: Command,
  options: {
    jsonDescription: string;
    context: CommandContext;
    run: (options: T, context: CommandContext) => Promise<number>;
  },
): Command {
  const { jsonDescription, context, run } = options;
  return command
    .option('--json', jsonDescription)
    .option('--url <url>', 'base URL of the Backstage backend [ASSURANCE_URL]')
    .option('--verbose', 'log each request (never the token)')
    .action(async (commandOptions: T) => {
      context.setExitCode(await run(commandOptions, context));
    });
}

/**
 * The API client of a command that talks to the backend: the connection
 * from `--url` and the environment (which fails early without a token),
 * and each request logged to stderr with `--verbose`, never the token.
 */
export function createCliApi(
  options: { url?: string; verbose?: boolean },
  context: CommandContext,
): CliApi {
  const { io, output } = context;
  const connection = resolveConnection({
    url: options.url,
    env: io.env,
    output,
  });
  return new CliApi({
    connection,
    fetch: io.fetch,
    log: options.verbose ? line => output.error(line) : undefined,
  });
}
