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
// parser's `detect`, then one `parse`); the outcome is kept on the input
// object, under a symbol (not enumerable, so invisible to comparisons and
// serialisation), so that a large file is parsed once. It dies with the
// input: a WeakMap entry would cost a large document a longer life in the
// garbage collector. Frozen inputs use the WeakMap.
const OUTCOME = Symbol('readJson outcome');
const frozenOutcomes = new WeakMap<EvidenceParserInput, JsonOutcome>();

type CachingInput = EvidenceParserInput & { [OUTCOME]?: JsonOutcome };

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
  let outcome = Object.prototype.hasOwnProperty.call(input, OUTCOME)
    ? (input as CachingInput)[OUTCOME]
    : frozenOutcomes.get(input);
  if (!outcome) {
    outcome = parseJson(input.text);
    if (Object.isExtensible(input)) {
      Object.defineProperty(input, OUTCOME, { value: outcome });
    } else {
      frozenOutcomes.set(input, outcome);
    }
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
  const tooDeep = (): JsonOutcome => ({
    error: new EvidenceRefusedError(
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`,
    ),
  });
  let value: unknown;
  try {
    // V8's JSON.parse builds nested values without recursion, so even a
    // deeply nested text cannot overflow the stack here; should it ever
    // throw on one, the scan below still refuses it for its nesting.
    value = JSON.parse(text);
  } catch (error) {
    if (isNestedTooDeep(text)) {
      return tooDeep();
    }
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
  // For a parsed value, the nesting of its objects and arrays is exactly
  // the nesting of the brackets outside strings in the text; walking the
  // parsed tree is several times cheaper than scanning every character.
  return isValueNestedTooDeep(value, 0) ? tooDeep() : { value };
}

/** `line L, column C` of a character offset. */
function describePosition(options: { text: string; offset: number }): string {
  const before = options.text.slice(0, options.offset);
  const line = before.split('\n').length;
  const column = options.offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Whether a parsed JSON value has objects and arrays nested deeper than the
 * limit, counting the value itself as level 1. The recursion stops at the
 * limit, so it never goes deeper than {@link MAX_JSON_DEPTH} + 1 calls.
 */
function isValueNestedTooDeep(value: unknown, outerDepth: number): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const depth = outerDepth + 1;
  if (depth > MAX_JSON_DEPTH) {
    return true;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (
        typeof item === 'object' &&
        item !== null &&
        isValueNestedTooDeep(item, depth)
      ) {
        return true;
      }
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  // JSON.parse makes plain objects whose keys are all own and enumerable.
  // eslint-disable-next-line guard-for-in
  for (const key in record) {
    const item = record[key];
    if (
      typeof item === 'object' &&
      item !== null &&
      isValueNestedTooDeep(item, depth)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether brackets outside strings nest deeper than the limit, in text that
 * `JSON.parse` refused: one linear scan, so that a truncated or otherwise
 * invalid document nested too deep is refused for its nesting.
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
