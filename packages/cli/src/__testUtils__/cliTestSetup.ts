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

import { startFakeBackend } from './fakeBackend';

export type FakeBackend = Awaited<ReturnType<typeof startFakeBackend>>;

/** A fake backend that accepts `token`, and the env that points the CLI at it. */
export async function startBackendWithEnv(
  token: string,
): Promise<{ backend: FakeBackend; env: Record<string, string> }> {
  const backend = await startFakeBackend({ token });
  return {
    backend,
    env: { ASSURANCE_URL: backend.url, ASSURANCE_TOKEN: token },
  };
}

/** `promote -e <entity> --environment <env> --digest <digest> ...flags`. */
export function promoteArgs(
  options: { entity: string; environment: string; digest: string },
  ...flags: string[]
): string[] {
  return [
    'promote',
    '-e',
    options.entity,
    '--environment',
    options.environment,
    '--digest',
    options.digest,
    ...flags,
  ];
}

/** `release record -e <entity> --environment <env> --artifact <name> ...flags`. */
export function releaseRecordArgs(
  options: { entity: string; environment: string; artifact: string },
  ...flags: string[]
): string[] {
  return [
    'release',
    'record',
    '-e',
    options.entity,
    '--environment',
    options.environment,
    '--artifact',
    options.artifact,
    ...flags,
  ];
}
