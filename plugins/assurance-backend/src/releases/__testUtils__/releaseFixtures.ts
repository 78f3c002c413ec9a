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

import { TestDatabases } from '@backstage/backend-test-utils';
import { NewRelease } from '../ReleaseStore';

export const entityRef = 'component:default/payments-api';
export const digestOf = (c: string) => `sha256:${c.repeat(64)}`;
const start = new Date('2026-12-03T12:00:00.000Z');
export const at = (minutes: number) =>
  new Date(start.getTime() + minutes * 60_000);
export const audit = { actor: 'user:default/ada', action: 'test', details: {} };

/** The databases every release store test runs on. */
export function createReleaseTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
  });
}

/**
 * A `newRelease` factory for one test file: each release gets the next
 * id and is created `minutesApart` after the one before. `next` advances
 * the same sequence, for other fixtures that share its clock.
 */
export function createReleaseFactory(options: {
  status: NewRelease['status'];
  minutesApart: number;
}) {
  let sequence = 0;
  const next = (): number => {
    sequence += 1;
    return sequence;
  };
  const newRelease = (overrides: Partial<NewRelease> = {}): NewRelease => {
    const n = next();
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      entityRef,
      environment: 'prod',
      artifact: {
        name: 'payments-api',
        version: '1.0.0',
        digest: digestOf('a'),
      },
      status: options.status,
      migrationStatus: 'none',
      actor: 'user:default/ada',
      createdAt: at(n * options.minutesApart),
      ...overrides,
    };
  };
  return { newRelease, next };
}
