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
  GateStatus,
  describeZodError,
  evidenceUploadFieldsSchema,
  normalizeEntityRef,
} from '@real-app-forever/plugin-assurance-common';
import { InvalidArgumentError } from 'commander';
import { CiDefaults } from './ciEnv';
import { UsageError, errorMessage } from './errors';
import { CliIo, Output } from './io';

/** What every command gets. */
export interface CommandContext {
  io: CliIo;
  output: Output;
  setExitCode(code: number): void;
}

/**
 * Flags checked with the schema the backend checks the request with: the
 * parsed request, or a usage error (exit 2) saying what is wrong, before
 * any request is made.
 */
export function parseFlags<T>(
  schema: {
    safeParse(
      input: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: Parameters<typeof describeZodError>[0] };
  },
  flags: unknown,
): T {
  const parsed = schema.safeParse(flags);
  if (!parsed.success) {
    throw new UsageError(describeZodError(parsed.error));
  }
  return parsed.data;
}

/** A flag's value, trimmed; a usage error when it is empty. */
export function requireFlag(flag: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) {
    throw new UsageError(`${flag} must not be empty`);
  }
  return trimmed;
}

/** The canonical form of `--entity`; a usage error when unreadable. */
export function parseEntityOption(ref: string): string {
  try {
    return normalizeEntityRef(ref);
  } catch (error) {
    throw new UsageError(
      `--entity '${ref}' is not an entity reference (${errorMessage(
        error,
      )}); expected e.g. component:default/payments-api`,
    );
  }
}

/** Checks `sha256:<hex>` the way the backend does. */
export function parseDigestOption(option: string, digest: string): string {
  const parsed = evidenceUploadFieldsSchema.shape.digest.safeParse(digest);
  if (!parsed.success || !parsed.data) {
    throw new UsageError(
      `${option} '${digest}' must look like sha256:<hex digits>`,
    );
  }
  return parsed.data;
}

const GATE_STATUSES: readonly GateStatus[] = [
  'passed',
  'failed',
  'missing',
  'unknown',
];

/** `--fail-on failed,missing`; `none` never fails. */
export function parseFailOn(value: string): GateStatus[] {
  const items = value
    .split(',')
    .map(item => item.trim().toLocaleLowerCase('en-US'))
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') {
    return [];
  }
  for (const item of items) {
    if (!GATE_STATUSES.includes(item as GateStatus)) {
      throw new InvalidArgumentError(
        `'${item}' is not a gate status; use ${GATE_STATUSES.join(
          ', ',
        )} (comma-separated) or none`,
      );
    }
  }
  if (items.length === 0) {
    throw new InvalidArgumentError('name at least one status, or none');
  }
  return [...new Set(items)] as GateStatus[];
}

/** A whole number in a range, for commander. */
export function intInRange(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(
        `expected a whole number from ${min} to ${max}`,
      );
    }
    return number;
  };
}

/** The upload fields the user can set with flags. */
export interface UploadFlags {
  format?: string;
  executionId?: string;
  workItem?: string;
  artifact?: string;
  version?: string;
  digest?: string;
  releaseId?: string;
  gate?: string;
  commit?: string;
  pipelineUrl?: string;
}

/**
 * The form fields sent with every file: the flags, checked as the backend
 * checks them (a bad flag is a usage error), plus the CI defaults the
 * flags leave open (a bad default is dropped with a warning).
 */
export function buildUploadFields(options: {
  entityRef: string;
  flags: UploadFlags;
  defaults: CiDefaults;
  warn: (message: string) => void;
}): Record<string, string | undefined> {
  const { entityRef, flags, defaults, warn } = options;
  const fields: Record<string, string | undefined> = {
    ...parseFlags(evidenceUploadFieldsSchema, { entityRef, ...flags }),
  };

  for (const key of ['executionId', 'commit', 'pipelineUrl'] as const) {
    const value = defaults[key];
    if (value === undefined || fields[key] !== undefined) {
      continue;
    }
    const check = evidenceUploadFieldsSchema.safeParse({
      entityRef,
      [key]: value,
    });
    if (check.success) {
      fields[key] = check.data[key];
    } else {
      warn(
        `warning: not sending ${key} from ${
          defaults.source
        }: ${describeZodError(check.error)}`,
      );
    }
  }
  return fields;
}
