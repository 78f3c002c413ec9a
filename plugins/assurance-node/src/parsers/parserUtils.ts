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

/**
 * Small helpers shared by the evidence parsers.
 */

/** Longest message, in characters, that a summary keeps. */
export const MAX_MESSAGE_LENGTH = 500;

/** Whether a value is a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a key of a parsed JSON object only when it is the object's own
 * property, so names such as `constructor` or `__proto__` in the uploaded
 * file never reach the prototype.
 */
export function ownValue<T>(options: {
  record: Record<string, T> | null | undefined;
  key: string;
}): T | undefined {
  const { record, key } = options;
  return record && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

/** Trims a message and cuts it to {@link MAX_MESSAGE_LENGTH} characters. */
export function clipMessage(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) {
    return undefined;
  }
  return trimmed.length > MAX_MESSAGE_LENGTH
    ? `${trimmed.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
    : trimmed;
}

/** The first line of a text that is not blank, trimmed. */
export function firstLine(text: string | undefined): string | undefined {
  return text
    ?.split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .find(line => line !== '');
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
