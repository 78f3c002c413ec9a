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

import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { registerGatesCommand } from './commands/gates';
import { registerParseCommand } from './commands/parse';
import { registerPromoteCommand } from './commands/promote';
import { registerReleaseCommand } from './commands/release';
import { registerReportConfigCommand } from './commands/reportConfig';
import { registerRollbackCommand } from './commands/rollback';
import { registerUploadCommand } from './commands/upload';
import { ApiError, errorMessage, UsageError } from './lib/errors';
import { CliIo, Output } from './lib/io';
import { CommandContext } from './lib/options';

/**
 * Exit codes: 0 ok, 1 refused, failed or blocked, 2 wrong usage, 3 a
 * promotion waits for approval.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export { EXIT_PENDING_APPROVAL } from './commands/promote';

const ENVIRONMENT_HELP = `
Environment:
  ASSURANCE_URL     base URL of the Backstage backend, e.g. http://localhost:7007
                    (or --url); the API is under /api/assurance
  ASSURANCE_TOKEN   the token sent as "Authorization: Bearer"; it is never
                    printed and cannot be passed as a flag

CI defaults of upload (unless --no-ci-defaults; flags win):
  execution id      GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT, CI_PIPELINE_ID,
                    BUILD_BUILDID (Azure) or BUILD_ID
  commit            GITHUB_SHA, CI_COMMIT_SHA, BUILD_SOURCEVERSION, GIT_COMMIT
  pipeline URL      the GitHub Actions run, CI_PIPELINE_URL, the Azure build,
                    BUILD_URL

Exit codes: 0 ok, 1 a file was refused or failed / a gate blocks / the
reported config drifted / a promotion was refused / there is nothing to
roll back to, 2 wrong usage, 3 a promotion waits for approval (the
pipeline waits, then deploys).
`;

/**
 * Runs the CLI with the arguments after the program name and returns the
 * exit code. Everything it prints goes through a redacting output.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const output = new Output(io);
  output.addSecret(io.env.ASSURANCE_TOKEN);
  output.addSecret(io.env.ASSURANCE_TOKEN?.trim());

  let exitCode = EXIT_OK;
  const context: CommandContext = {
    io,
    output,
    setExitCode: code => {
      exitCode = code;
    },
  };

  const program = new Command('assurance')
    .description(
      'Upload CI evidence to the Backstage assurance plugin, check gate verdicts, record releases, request promotions and roll back, parse evidence locally',
    )
    .version(version, '-V, --version', 'print the CLI version')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: text => output.write(text),
      writeErr: text => output.writeError(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', ENVIRONMENT_HELP);

  registerUploadCommand(program, context);
  registerGatesCommand(program, context);
  registerParseCommand(program, context);
  registerReportConfigCommand(program, context);
  registerReleaseCommand(program, context);
  registerPromoteCommand(program, context);
  registerRollbackCommand(program, context);

  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and help are fine; everything else is usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    output.error(`error: ${errorMessage(error)}`);
    if (error instanceof UsageError) {
      return EXIT_USAGE;
    }
    if (!(error instanceof ApiError) && io.env.ASSURANCE_DEBUG) {
      output.error(String((error as Error)?.stack ?? ''));
    }
    return EXIT_FAILED;
  }
  return exitCode;
}
