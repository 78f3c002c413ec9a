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

import { Release } from '@real-app-forever/plugin-assurance-common';

/**
 * How many of an environment's newest releases its rollback target is
 * looked for in, so that a long history is not read whole: a target behind
 * more failed, pending or rolled-back releases than this is not offered.
 */
export const ROLLBACK_WINDOW = 500;

/**
 * The release an environment rolls back to: the newest release created
 * before the active one that succeeded there and runs a different digest.
 *
 * - `succeeded` and `superseded` releases qualify. A release becomes
 *   `superseded` only when it had succeeded and a newer one succeeded
 *   after it, so it is known to have run well.
 * - `failed`, `pending-approval`, `deploying` and `rolled-back` releases
 *   never qualify, nor does one with the active release's digest (rolling
 *   back to it would change nothing).
 * - Nor does a digest that was rolled back there after it succeeded: an
 *   older good run of the version just rolled away from is no way back.
 * - Null when there is no active release or no release qualifies.
 *
 * Pure: `history` holds the environment's releases in any order.
 */
export function findRollbackTarget(options: {
  history: Release[];
  active: Release | null;
}): Release | null {
  const { history, active } = options;
  if (!active) {
    return null;
  }
  const activeAt = Date.parse(active.createdAt);
  const rolledBackAt = new Map<string, number>();
  for (const release of history) {
    if (release.status === 'rolled-back') {
      const at = Date.parse(release.createdAt);
      const digest = release.artifact.digest;
      rolledBackAt.set(digest, Math.max(at, rolledBackAt.get(digest) ?? at));
    }
  }
  let target: Release | null = null;
  for (const release of history) {
    const createdAt = Date.parse(release.createdAt);
    const qualifies =
      release.id !== active.id &&
      release.environment === active.environment &&
      (release.status === 'succeeded' || release.status === 'superseded') &&
      release.artifact.digest !== active.artifact.digest &&
      createdAt < activeAt &&
      !(createdAt < (rolledBackAt.get(release.artifact.digest) ?? -Infinity));
    if (qualifies && (!target || createdAt > Date.parse(target.createdAt))) {
      target = release;
    }
  }
  return target;
}
