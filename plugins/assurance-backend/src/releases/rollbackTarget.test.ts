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
  Release,
  ReleaseStatus,
} from '@real-app-forever/plugin-assurance-common';
import { findRollbackTarget } from './rollbackTarget';

const digestOf = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

function release(
  id: string,
  options: {
    minute: number;
    digest: number;
    status: ReleaseStatus;
    environment?: string;
  },
): Release {
  const at = new Date(Date.UTC(2026, 11, 3, 12, options.minute)).toISOString();
  return {
    id,
    entityRef: 'component:default/payments-api',
    environment: options.environment ?? 'prod',
    artifact: { name: 'payments-api', digest: digestOf(options.digest) },
    status: options.status,
    migrationStatus: 'none',
    actor: 'user:default/ada',
    createdAt: at,
    updatedAt: at,
    evidenceIds: [],
  };
}

describe('findRollbackTarget', () => {
  const active = release('active', {
    minute: 50,
    digest: 9,
    status: 'succeeded',
  });

  it('is null without an active release', () => {
    const old = release('old', { minute: 1, digest: 1, status: 'succeeded' });
    expect(findRollbackTarget({ history: [old], active: null })).toBeNull();
  });

  it('is null when nothing else ran', () => {
    expect(findRollbackTarget({ history: [active], active })).toBeNull();
  });

  it('picks the newest earlier succeeded release', () => {
    const older = release('older', {
      minute: 1,
      digest: 1,
      status: 'superseded',
    });
    const newer = release('newer', {
      minute: 2,
      digest: 2,
      status: 'superseded',
    });
    expect(
      findRollbackTarget({ history: [older, active, newer], active })?.id,
    ).toBe('newer');
  });

  it('counts superseded releases: they had succeeded', () => {
    const superseded = release('s', {
      minute: 3,
      digest: 3,
      status: 'superseded',
    });
    expect(
      findRollbackTarget({ history: [superseded, active], active })?.id,
    ).toBe('s');
  });

  it.each<ReleaseStatus>([
    'failed',
    'pending-approval',
    'deploying',
    'rolled-back',
  ])('never picks a %s release', status => {
    const good = release('good', {
      minute: 1,
      digest: 1,
      status: 'superseded',
    });
    const bad = release('bad', { minute: 2, digest: 2, status });
    expect(
      findRollbackTarget({ history: [good, bad, active], active })?.id,
    ).toBe('good');
  });

  it('is null when only failed, pending and rolled-back releases came before', () => {
    const history = [
      release('f', { minute: 1, digest: 1, status: 'failed' }),
      release('p', { minute: 2, digest: 2, status: 'pending-approval' }),
      release('r', { minute: 3, digest: 3, status: 'rolled-back' }),
      active,
    ];
    expect(findRollbackTarget({ history, active })).toBeNull();
  });

  it('skips earlier releases of the active digest', () => {
    const sameDigest = release('same', {
      minute: 2,
      digest: 9,
      status: 'superseded',
    });
    const other = release('other', {
      minute: 1,
      digest: 1,
      status: 'superseded',
    });
    expect(
      findRollbackTarget({ history: [other, sameDigest, active], active })?.id,
    ).toBe('other');
  });

  it('ignores releases created after the active one', () => {
    const later = release('later', {
      minute: 55,
      digest: 5,
      status: 'succeeded',
    });
    expect(findRollbackTarget({ history: [active, later], active })).toBeNull();
  });

  it('ignores other environments', () => {
    const staging = release('staging', {
      minute: 1,
      digest: 1,
      status: 'succeeded',
      environment: 'staging',
    });
    expect(
      findRollbackTarget({ history: [staging, active], active }),
    ).toBeNull();
  });

  it('after a rollback, points past the rolled-back release and the restored digest', () => {
    const v1 = release('v1', { minute: 1, digest: 1, status: 'superseded' });
    const v2 = release('v2', { minute: 2, digest: 2, status: 'superseded' });
    const v3 = release('v3', { minute: 3, digest: 3, status: 'rolled-back' });
    const restored = {
      ...release('v2b', { minute: 4, digest: 2, status: 'succeeded' }),
      rollbackOf: 'v3',
    };
    expect(
      findRollbackTarget({ history: [v1, v2, v3, restored], active: restored })
        ?.id,
    ).toBe('v1');
  });

  it('skips an older good run of a digest that was rolled back since', () => {
    const v1 = release('v1', { minute: 1, digest: 1, status: 'superseded' });
    const v3old = release('v3a', {
      minute: 2,
      digest: 3,
      status: 'superseded',
    });
    const v2 = release('v2', { minute: 3, digest: 2, status: 'superseded' });
    const v3 = release('v3', { minute: 4, digest: 3, status: 'rolled-back' });
    const restored = release('v2b', {
      minute: 5,
      digest: 2,
      status: 'succeeded',
    });
    expect(
      findRollbackTarget({
        history: [v1, v3old, v2, v3, restored],
        active: restored,
      })?.id,
    ).toBe('v1');
  });

  it('lets a digest qualify again once it succeeded after its rollback', () => {
    const v3 = release('v3', { minute: 1, digest: 3, status: 'rolled-back' });
    const fixed = release('v3b', {
      minute: 2,
      digest: 3,
      status: 'superseded',
    });
    expect(
      findRollbackTarget({ history: [v3, fixed, active], active })?.id,
    ).toBe('v3b');
  });

  it('measures against a deploying active release too', () => {
    const deploying = release('d', {
      minute: 60,
      digest: 7,
      status: 'deploying',
    });
    expect(
      findRollbackTarget({ history: [active, deploying], active: deploying })
        ?.id,
    ).toBe('active');
  });
});
