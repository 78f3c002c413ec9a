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

import { EVIDENCE_FORMATS } from '@real-app-forever/plugin-assurance-common';
import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliApi } from '../lib/api';
import { ciDefaults } from '../lib/ciEnv';
import { createCliApi } from '../lib/backendCommand';
import { ApiError, errorMessage } from '../lib/errors';
import { expandFiles, InputFile } from '../lib/files';
import { formatBytes, sha256Hex } from '../lib/format';
import {
  buildUploadFields,
  CommandContext,
  intInRange,
  parseEntityOption,
  UploadFlags,
} from '../lib/options';
import { createUploadProgress, UploadProgress } from '../lib/progress';
import { allStored, FileResult, printUploadReport } from '../lib/uploadReport';

interface UploadOptions extends UploadFlags {
  entity: string;
  concurrency: number;
  progress: boolean;
  ciDefaults: boolean;
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

export function registerUploadCommand(
  program: Command,
  context: CommandContext,
): void {
  program
    .command('upload')
    .description(
      'Upload evidence files (test reports, SARIF, SBOMs, audits, …) for a catalog entity',
    )
    .argument(
      '<files...>',
      "files, directories or quoted glob patterns, e.g. 'reports/**/*'",
    )
    .requiredOption(
      '-e, --entity <ref>',
      'the catalog entity, e.g. component:default/payments-api',
    )
    .option('--artifact <name>', 'name of the build output, e.g. an image')
    .option('--version <version>', 'version of the build output')
    .option('--digest <digest>', 'digest of the build output, sha256:<hex>')
    .option(
      '--execution-id <id>',
      'the pipeline run; default from CI variables (see --help of the CLI)',
    )
    .option('--work-item <id>', 'issue or change request, e.g. PAY-123')
    .option('--release-id <id>', 'the release this evidence is for')
    .option(
      '--gate <id>',
      'the gate a test report is for, e.g. integration-tests or smoke-test',
    )
    .option('--commit <sha>', 'the commit; default from CI variables')
    .option(
      '--pipeline-url <url>',
      'link to the run; default from CI variables',
    )
    .addOption(
      new Option(
        '--format <format>',
        'the format of every file; detected per file when left out',
      ).choices(EVIDENCE_FORMATS),
    )
    .option(
      '--concurrency <n>',
      'files uploaded at the same time (1-4)',
      intInRange(1, 4),
      2,
    )
    .option('--no-progress', 'never draw a progress bar')
    .option('--no-ci-defaults', 'do not read links from CI variables')
    .option(
      '--json',
      'print the outcome as JSON, with the evidence ids (e.g. for release record --evidence); progress goes to stderr',
    )
    .option('--url <url>', 'base URL of the Backstage backend [ASSURANCE_URL]')
    .option('--verbose', 'log each request (never the token)')
    .action(async (patterns: string[], options: UploadOptions) => {
      context.setExitCode(await upload(patterns, options, context));
    });
}

async function upload(
  patterns: string[],
  options: UploadOptions,
  context: CommandContext,
): Promise<number> {
  const { io, output } = context;
  const warn = (message: string) => output.error(message);
  const entityRef = parseEntityOption(options.entity);
  const defaults = options.ciDefaults ? ciDefaults(io.env) : {};
  const fields = buildUploadFields({
    entityRef,
    flags: {
      format: options.format,
      executionId: options.executionId,
      workItem: options.workItem,
      artifact: options.artifact,
      version: options.version,
      digest: options.digest,
      releaseId: options.releaseId,
      gate: options.gate,
      commit: options.commit,
      pipelineUrl: options.pipelineUrl,
    },
    defaults,
    warn,
  });
  const api = createCliApi(options, context);
  const files = await expandFiles({ patterns, cwd: io.cwd, warn });

  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const info = (text: string) =>
    options.json ? output.error(text) : output.line(text);
  info(
    `Uploading ${files.length} file${
      files.length === 1 ? '' : 's'
    } (${formatBytes(totalBytes)}) for ${entityRef}${
      fields.executionId ? `, execution ${fields.executionId}` : ''
    }`,
  );

  const progress = createUploadProgress({
    output,
    totalFiles: files.length,
    totalBytes,
    enabled: options.progress,
    toStderr: options.json,
  });
  let fatal: ApiError | undefined;
  const results: FileResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (fatal) {
        results[index] = {
          file,
          status: 'skipped',
          reason: 'not sent after the error below',
        };
        continue;
      }
      const result = await uploadOne({ api, file, fields, progress });
      if (result.error?.fatal) {
        fatal ??= result.error;
      }
      results[index] = result;
      progress.done(
        file.path,
        file.size,
        `${result.status}: ${file.display}${
          result.format ? ` (${result.format})` : ''
        }${result.reason ? ` - ${result.reason}` : ''}`,
      );
    }
  };
  try {
    await Promise.all(
      Array.from(
        { length: Math.min(options.concurrency, files.length) },
        worker,
      ),
    );
  } finally {
    progress.stop();
  }

  printUploadReport({
    output,
    results,
    entityRef,
    executionId: fields.executionId,
    json: options.json,
  });
  if (fatal) {
    output.error(`error: ${fatal.message}`);
  }
  return allStored(results) ? 0 : 1;
}

async function uploadOne(options: {
  api: CliApi;
  file: InputFile;
  fields: Record<string, string | undefined>;
  progress: UploadProgress;
}): Promise<FileResult & { error?: ApiError }> {
  const { api, file, fields, progress } = options;
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    return {
      file,
      status: 'failed',
      reason: `cannot read: ${errorMessage(error)}`,
    };
  }
  const sha256 = sha256Hex(bytes);
  try {
    const { created, record } = await api.uploadEvidence({
      fileName: basename(file.path),
      bytes,
      fields,
      onProgress: sent => progress.sent(file.path, sent),
    });
    return {
      file,
      status: created ? 'created' : 'already stored',
      id: record.id,
      format: record.format,
      sha256: record.sha256 ?? sha256,
      reason: record.redacted ? 'secrets removed before storing' : '',
    };
  } catch (error) {
    if (!(error instanceof ApiError)) {
      return { file, status: 'failed', sha256, reason: errorMessage(error) };
    }
    const refused = error.status === 400 || error.status === 413;
    return {
      file,
      status: refused ? 'refused' : 'failed',
      sha256,
      reason: error.fatal
        ? `${error.status ?? 'backend unreachable'}, see the error below`
        : error.message,
      error,
    };
  }
}
