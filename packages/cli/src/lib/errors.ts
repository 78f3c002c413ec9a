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

/** A mistake in how the CLI was called; exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A failed request to the backend. `fatal` errors (bad token, no access,
 * unknown entity, backend unreachable) would fail every further request
 * too, so an upload stops at the first one.
 */
export class ApiError extends Error {
  readonly status?: number;
  readonly fatal: boolean;

  constructor(message: string, options: { status?: number; fatal: boolean }) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status;
    this.fatal = options.fatal;
  }
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
