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

import { z } from 'zod';

/**
 * A config path as written in messages: `a.b`, `a.0`, or `a["group:x/y"]`
 * when a key is not a plain word.
 */
export function formatConfigPath(segments: ReadonlyArray<PropertyKey>) {
  return segments
    .map(segment =>
      typeof segment === 'number' || /^[A-Za-z0-9_-]+$/.test(String(segment))
        ? `.${String(segment)}`
        : `[${JSON.stringify(String(segment))}]`,
    )
    .join('');
}

/** One readable line per zod issue, prefixed with `prefix` and the path. */
export function describeIssues(
  prefix: string,
  result: { error?: z.ZodError },
): string[] {
  return (result.error?.issues ?? []).map(
    issue => `${prefix}${formatConfigPath(issue.path)}: ${issue.message}`,
  );
}
