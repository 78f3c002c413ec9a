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
  EVIDENCE_FORMATS,
  EvidenceFormat,
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';
import {
  defaultParsers,
  parseEvidence,
} from '@real-app-forever/plugin-assurance-node';
import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeSummary } from '../lib/describeSummary';
import { errorMessage } from '../lib/errors';
import { expandFiles } from '../lib/files';
import { CommandContext } from '../lib/options';

type ParseResult =
  | {
      file: string;
      format: EvidenceFormat;
      summary: EvidenceSummary;
      redacted?: boolean;
    }
  | { file: string; refused: string };

interface ParseOptions {
  format?: EvidenceFormat;
  json?: boolean;
}

export function registerParseCommand(
  program: Command,
  context: CommandContext,
): void {
  program
    .command('parse')
    .description(
      "Parse evidence files locally with the backend's own parsers and print the facts; no backend needed",
    )
    .argument(
      '<files...>',
      "files, directories or quoted glob patterns, e.g. 'reports/**/*'",
    )
    .addOption(
      new Option(
        '--format <format>',
        'the format of every file; detected per file when left out',
      ).choices(EVIDENCE_FORMATS),
    )
    .option(
      '--json',
      'print [{ file, format, summary }] or { file, refused } per file',
    )
    .action(async (patterns: string[], options: ParseOptions) => {
      context.setExitCode(await parse(patterns, options, context));
    });
}

async function parseFile(
  path: string,
  display: string,
  format?: EvidenceFormat,
): Promise<ParseResult> {
  try {
    const bytes = await readFile(path);
    const parsed = parseEvidence({
      parsers: defaultParsers,
      fileName: basename(path),
      bytes,
      format,
    });
    return {
      file: display,
      format: parsed.format,
      summary: parsed.summary,
      ...(parsed.redactedText === undefined ? {} : { redacted: true }),
    };
  } catch (error) {
    // parseEvidence refuses with a reason for the uploader; a file that
    // cannot be read is refused too.
    return { file: display, refused: errorMessage(error) };
  }
}

async function parse(
  patterns: string[],
  options: ParseOptions,
  context: CommandContext,
): Promise<number> {
  const { io, output } = context;
  const files = await expandFiles({
    patterns,
    cwd: io.cwd,
    warn: message => output.error(message),
  });
  const results: ParseResult[] = [];
  for (const file of files) {
    results.push(await parseFile(file.path, file.display, options.format));
  }
  const refused = results.filter(result => 'refused' in result).length;

  if (options.json) {
    output.line(
      JSON.stringify(
        results.map(result =>
          'refused' in result
            ? result
            : {
                file: result.file,
                format: result.format,
                summary: result.summary,
              },
        ),
        null,
        2,
      ),
    );
    return refused ? 1 : 0;
  }

  for (const result of results) {
    if ('refused' in result) {
      output.line(`${result.file}: refused - ${result.refused}`);
      continue;
    }
    output.line(`${result.file}: ${result.format}`);
    for (const line of describeSummary(result.summary)) {
      output.line(`  ${line}`);
    }
    if (result.redacted) {
      output.line('  (the backend would store it with the secrets removed)');
    }
  }
  output.line(`${results.length - refused} parsed, ${refused} refused`);
  return refused ? 1 : 0;
}
