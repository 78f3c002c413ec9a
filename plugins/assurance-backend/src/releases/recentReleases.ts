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
import { ReleaseStore } from './ReleaseStore';
import { ROLLBACK_WINDOW } from './rollbackTarget';

/**
 * An environment's newest releases, enough to find its rollback target
 * without reading a long history whole, with its pending approvals and its
 * active release even when they are older.
 */
export async function readRecentReleases(options: {
  releases: ReleaseStore;
  entityRef: string;
  environment: string;
  activeId?: string;
  /** Requests past their deadline then read as `expired`. */
  now?: Date;
}): Promise<Release[]> {
  const { releases, entityRef, environment, activeId, now } = options;
  const [recent, pending] = await Promise.all([
    releases.listReleasePage({
      entityRef,
      filter: { environment },
      limit: ROLLBACK_WINDOW,
      now,
    }),
    releases.listReleases({
      entityRef,
      filter: { environment, status: ['pending-approval'] },
      now,
    }),
  ]);
  const here = [...recent.items];
  const known = new Set(here.map(r => r.id));
  here.push(...pending.filter(r => !known.has(r.id)));
  if (activeId && !known.has(activeId)) {
    const found = await releases.getRelease({ id: activeId, now });
    if (found) {
      here.push(found);
    }
  }
  return here;
}
