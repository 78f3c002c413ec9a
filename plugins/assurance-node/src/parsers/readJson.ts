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

import { describeZodError } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParserInput, EvidenceRefusedError } from '../types';
import { z } from 'zod';
import { errorMessage, isRecord } from './parserUtils';

/** Deepest nesting of objects and arrays a JSON upload may have. */
export const MAX_JSON_DEPTH = 64;

type JsonOutcome = { value: unknown } | { error: EvidenceRefusedError };

// NOTE: detection and parsing read the same upload several times (every
// parser's `detect`, then one `parse`); the outcome is kept per input object
// so that a large file is scanned and parsed once.
const outcomes = new WeakMap<EvidenceParserInput, JsonOutcome>();

/** Whether the text starts like a JSON object or array. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * Parses the input as JSON, refusing invalid JSON and documents nested
 * deeper than {@link MAX_JSON_DEPTH} levels.
 */
export function readJson(input: EvidenceParserInput): unknown {
  let outcome = outcomes.get(input);
  if (!outcome) {
    outcome = parseJson(input.text);
    outcomes.set(input, outcome);
  }
  if ('error' in outcome) {
    throw outcome.error;
  }
  return outcome.value;
}

/**
 * The input as a JSON object, or undefined when it is not one. For the
 * `detect` methods, which must not throw.
 */
export function readJsonObjectOrUndefined(
  input: EvidenceParserInput,
): Record<string, unknown> | undefined {
  if (!looksLikeJson(input.text)) {
    return undefined;
  }
  try {
    const value = readJson(input);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a parsed JSON value against a zod schema, refusing it with a
 * reason that names the offending fields.
 */
export function parseJsonShape<T>(options: {
  value: unknown;
  schema: z.ZodType<T>;
  /** What the document should be, e.g. "a SARIF 2.1.0 log". */
  expected: string;
}): T {
  const { value, schema, expected } = options;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new EvidenceRefusedError(
      `not ${expected}: ${describeZodError(result.error)}`,
      result.error,
    );
  }
  return result.data;
}

function parseJson(text: string): JsonOutcome {
  if (isNestedTooDeep(text)) {
    return {
      error: new EvidenceRefusedError(
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`,
      ),
    };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    // NOTE: V8's message quotes the text around the error, which may be a
    // secret in a secret-scan report; only the position is passed on.
    const message = errorMessage(error);
    const position = /position (\d+)/.exec(message)?.[1];
    let reason = 'the text is not JSON';
    if (position !== undefined) {
      reason = `unexpected input at ${describePosition({
        text,
        offset: Number(position),
      })}`;
    } else if (/end of JSON input/i.test(message)) {
      reason = 'the text ends before the JSON does';
    }
    return { error: new EvidenceRefusedError(`not valid JSON: ${reason}`) };
  }
}

/** `line L, column C` of a character offset. */
function describePosition(options: { text: string; offset: number }): string {
  const before = options.text.slice(0, options.offset);
  const line = before.split('\n').length;
  const column = options.offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Whether brackets outside strings nest deeper than the limit: one linear
 * scan before `JSON.parse`, which would otherwise build the whole tree.
 */
function isNestedTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) {
        i++;
      } else if (char === 0x22 /* " */) {
        inString = false;
      }
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        return true;
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
