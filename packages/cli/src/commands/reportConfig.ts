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
  RuntimeConfigReportResult,
  describeZodError,
  entityRefToPath,
  runtimeConfigReportSchema,
} from '@real-app-forever/plugin-assurance-common';
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeStatus } from '../lib/httpErrors';
import { Connection, resolveConnection } from '../lib/config';
import { ApiError, UsageError, errorMessage } from '../lib/errors';
import { CommandContext, parseEntityOption } from '../lib/options';
import { renderTable } from '../lib/table';

const REQUEST_TIMEOUT_MS = 60 * 1000;

interface ReportConfigOptions {
  entity: string;
  environment: string;
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

export function registerReportConfigCommand(
  program: Command,
  context: CommandContext,
): void {
  program
    .command('report-config')
    .description(
      'Report the config an environment runs (a JSON file of keys and values, or the effective gate policy the pipeline used) and show its drift from policy; exit 1 when it drifted',
    )
    .argument('<file>', 'the JSON document to report')
    .requiredOption(
      '-e, --entity <ref>',
      'the catalog entity, e.g. component:default/payments-api',
    )
    .requiredOption(
      '--environment <name>',
      "the environment that runs the config, one of the policy's environments (e.g. prod)",
    )
    .option('--json', 'print the stored report and its drift as JSON')
    .option('--url <url>', 'base URL of the Backstage backend [ASSURANCE_URL]')
    .option('--verbose', 'log each request (never the token)')
    .action(async (file: string, options: ReportConfigOptions) => {
      context.setExitCode(await reportConfig(file, options, context));
    });
}

async function reportConfig(
  file: string,
  options: ReportConfigOptions,
  context: CommandContext,
): Promise<number> {
  const { io, output } = context;
  const entityRef = parseEntityOption(options.entity);
  const body = await readReport({
    path: resolve(io.cwd, file),
    file,
    environment: options.environment,
  });
  const connection = resolveConnection({
    url: options.url,
    env: io.env,
    output,
  });

  const result = await postReport({
    connection,
    entityRef,
    body,
    fetch: io.fetch ?? globalThis.fetch,
    log: options.verbose ? line => output.error(line) : undefined,
  });
  const { drift, report } = result;

  if (options.json) {
    output.line(JSON.stringify(result, null, 2));
    return drift.status === 'drifted' ? 1 : 0;
  }
  const where = `${entityRef} in ${report.environment}`;
  output.line(`Reported version ${report.version.slice(0, 12)} of ${where}`);
  if (drift.status !== 'drifted') {
    output.line(`In sync: ${drift.reason}`);
    return 0;
  }
  output.line(
    renderTable({
      head: ['Key', 'Expected', 'Actual'],
      rows: drift.differences.map(difference => [
        difference.key,
        JSON.stringify(difference.expected),
        difference.actual === undefined
          ? '(missing)'
          : JSON.stringify(difference.actual),
      ]),
      columns: output.columns,
    }),
  );
  output.line(`Drifted: ${drift.reason}`);
  output.line(
    drift.lastKnownGood
      ? `Last known good: version ${drift.lastKnownGood.version.slice(
          0,
          12,
        )}, reported ${drift.lastKnownGood.reportedAt}`
      : 'No report of this environment has been in sync yet.',
  );
  return 1;
}

/** Reads and checks the document the way the backend will. */
async function readReport(options: {
  path: string;
  file: string;
  environment: string;
}): Promise<{ environment: string; document: Record<string, unknown> }> {
  let text: string;
  try {
    text = await readFile(options.path, 'utf8');
  } catch {
    throw new UsageError(`No such file: ${options.file}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${options.file} is not JSON: ${errorMessage(error)}`);
  }
  const parsed = runtimeConfigReportSchema.safeParse({
    environment: options.environment,
    document,
  });
  if (!parsed.success) {
    throw new UsageError(`${options.file}: ${describeZodError(parsed.error)}`);
  }
  return parsed.data;
}

// TODO(#4): move this call into CliApi next to the upload once the shared
// client learns runtime-config reports.
async function postReport(options: {
  connection: Connection;
  entityRef: string;
  body: object;
  fetch: typeof fetch;
  log?: (line: string) => void;
}): Promise<RuntimeConfigReportResult> {
  const { connection, entityRef, log } = options;
  const url = `${connection.apiBaseUrl}/v1/entities/${entityRefToPath(
    entityRef,
  )}/runtime-config`;
  log?.(`-> POST ${url} (Authorization: Bearer ***)`);
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${connection.token}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } })?.cause;
    throw new ApiError(
      `Could not reach the assurance backend at ${new URL(url).origin} (${
        cause?.code ?? errorMessage(error)
      }). Is it running, and is ASSURANCE_URL right?`,
      { fatal: true },
    );
  }
  log?.(`<- ${response.status} ${response.statusText}`);
  if (response.status !== 201) {
    const text = await response.text().catch(() => '');
    let message: string | undefined;
    try {
      message = JSON.parse(text)?.error?.message;
    } catch {
      message = text.trim().slice(0, 300) || undefined;
    }
    throw describeStatus(response.status, message);
  }
  return (await response.json()) as RuntimeConfigReportResult;
}
