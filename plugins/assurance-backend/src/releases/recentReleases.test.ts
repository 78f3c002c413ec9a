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
import { readRecentReleases } from './recentReleases';
import { ReleaseStore } from './ReleaseStore';
import { ROLLBACK_WINDOW } from './rollbackTarget';

function release(id: string, status: Release['status']): Release {
  return {
    id,
    entityRef: 'component:default/shop',
    environment: 'prod',
    artifact: { name: 'shop', digest: `sha256:${id.padEnd(64, '0')}` },
    status,
    migrationStatus: 'none',
    actor: 'user:default/ada',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    evidenceIds: [],
  };
}

describe('readRecentReleases', () => {
  const recent = [release('a1', 'succeeded'), release('a2', 'superseded')];
  const waiting = release('b1', 'pending-approval');
  const active = release('c1', 'succeeded');
  const releases = {
    listReleasePage: jest.fn(async () => ({ items: recent })),
    listReleases: jest.fn(async () => [waiting, recent[0]]),
    getRelease: jest.fn(async () => active),
  } as unknown as jest.Mocked<ReleaseStore>;

  beforeEach(() => jest.clearAllMocks());

  it('reads the newest window, adds older pending approvals once', async () => {
    const here = await readRecentReleases({
      releases,
      entityRef: 'component:default/shop',
      environment: 'prod',
      activeId: 'a1',
    });
    expect(here.map(r => r.id)).toEqual(['a1', 'a2', 'b1']);
    expect(releases.listReleasePage).toHaveBeenCalledWith({
      entityRef: 'component:default/shop',
      filter: { environment: 'prod' },
      limit: ROLLBACK_WINDOW,
    });
    expect(releases.getRelease).not.toHaveBeenCalled();
  });

  it('fetches an active release older than the window', async () => {
    const here = await readRecentReleases({
      releases,
      entityRef: 'component:default/shop',
      environment: 'prod',
      activeId: 'c1',
    });
    expect(here.map(r => r.id)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(releases.getRelease).toHaveBeenCalledWith({ id: 'c1' });
  });
});
