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
  EntityGates,
  GateStatus,
} from '@real-app-forever/plugin-assurance-common';
import { Command } from 'commander';
import { createCliApi, withBackendOutputAndExit } from '../lib/backendCommand';
import {
  CommandContext,
  parseDigestOption,
  parseEntityOption,
  parseFailOn,
} from '../lib/options';
import { renderTable } from '../lib/table';

interface GatesOptions {
  entity: string;
  artifact?: string;
  failOn: GateStatus[];
  json?: boolean;
  url?: string;
  verbose?: boolean;
}

const STATUS_ORDER: GateStatus[] = ['failed', 'missing', 'unknown', 'passed'];

export function registerGatesCommand(
  program: Command,
  context: CommandContext,
): void {
  const command = program
    .command('gates')
    .description(
      "Show an entity's gate verdicts; exit 1 when a gate has a status named in --fail-on",
    )
    .requiredOption(
      '-e, --entity <ref>',
      'the catalog entity, e.g. component:default/payments-api',
    )
    .option(
      '--artifact <digest>',
      'verdicts for one build output, sha256:<hex>; sent as ?digest= (forward-compatible: a backend that does not filter by artifact yet ignores it)',
    )
    .option(
      '--fail-on <statuses>',
      'comma-separated statuses that fail the command: failed, missing, unknown, passed, or none',
      parseFailOn,
      ['failed'] as GateStatus[],
    );
  withBackendOutputAndExit<GatesOptions>(command, {
    jsonDescription: 'print the verdicts as JSON',
    context,
    run: gates,
  });
}

async function gates(
  options: GatesOptions,
  context: CommandContext,
): Promise<number> {
  const { output } = context;
  const entityRef = parseEntityOption(options.entity);
  const digest = options.artifact
    ? parseDigestOption('--artifact', options.artifact)
    : undefined;
  const api = createCliApi(options, context);

  const result = await api.getGates({ entityRef, digest });
  const blocking = result.gates.filter(gate =>
    options.failOn.includes(gate.status),
  );

  if (options.json) {
    output.line(JSON.stringify(result, null, 2));
  } else {
    printGates({ result, digest, context });
    if (blocking.length) {
      output.line(
        `Blocked: ${blocking.length} gate${
          blocking.length === 1 ? '' : 's'
        } with status ${options.failOn.join(' or ')}: ${blocking
          .map(gate => gate.title)
          .join(', ')}`,
      );
    } else {
      output.line(
        options.failOn.length
          ? `OK: no gate is ${options.failOn.join(' or ')}`
          : 'OK: --fail-on none',
      );
    }
  }
  return blocking.length ? 1 : 0;
}

function printGates(options: {
  result: EntityGates;
  digest?: string;
  context: CommandContext;
}) {
  const { result, digest, context } = options;
  const { output } = context;
  output.line(
    `Gates of ${result.entityRef} (risk level ${result.riskLevel})${
      digest ? ` for ${digest}` : ''
    }`,
  );
  if (result.gates.length === 0) {
    output.line('No gates apply to this entity.');
    return;
  }
  const sorted = [...result.gates].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  );
  output.line(
    renderTable({
      head: ['Status', 'Gate', 'Reason'],
      rows: sorted.map(gate => [
        gate.status,
        gate.title,
        gate.status !== 'passed' && gate.remediation
          ? `${gate.reason}\nTo fix: ${gate.remediation}`
          : gate.reason,
      ]),
      columns: output.columns,
    }),
  );
  const counts = STATUS_ORDER.map(
    status =>
      [
        status,
        result.gates.filter(gate => gate.status === status).length,
      ] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  output.line(counts.join(', '));
}
