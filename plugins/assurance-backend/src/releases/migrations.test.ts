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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const directory = resolvePackagePath(
  '@real-app-forever/plugin-assurance-backend',
  'migrations',
);

const TABLES = ['assurance_releases', 'assurance_environment_heads'];

describe.each(databases.eachSupportedId())('release migrations on %p', id => {
  it('go down and up again', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory });
    for (const table of [...TABLES, 'assurance_release_evidence']) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    const lapseColumn = () =>
      knex.schema.hasColumn('assurance_releases', 'approval_lapse_notified_at');
    expect(await lapseColumn()).toBe(true);
    const rejectionColumn = () =>
      knex.schema.hasColumn('assurance_releases', 'rejected_by');
    expect(await rejectionColumn()).toBe(true);

    await knex.migrate.down({
      directory,
      name: '20261204170000_release_request_end_states.js',
    });
    await knex.migrate.down({
      directory,
      name: '20261204120000_release_rejection.js',
    });
    expect(await rejectionColumn()).toBe(false);
    await knex.migrate.down({
      directory,
      name: '20261204090000_release_evidence.js',
    });
    expect(await knex.schema.hasTable('assurance_release_evidence')).toBe(
      false,
    );
    expect(await lapseColumn()).toBe(false);

    await knex.migrate.down({ directory, name: '20261203170000_releases.js' });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }

    await knex.migrate.latest({ directory });
    expect(
      await knex.schema.hasColumn('assurance_releases', 'succeeded_at'),
    ).toBe(true);
    expect(await knex.schema.hasTable('assurance_release_evidence')).toBe(true);
    expect(await lapseColumn()).toBe(true);
    expect(await rejectionColumn()).toBe(true);
  });

  it('gives requests that ended without a deploy their own status', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory });
    await knex.migrate.down({
      directory,
      name: '20261204170000_release_request_end_states.js',
    });
    const at = new Date('2026-12-03T12:00:00.000Z');
    const request = (name: string, fields: object) => ({
      id: `00000000-0000-4000-8000-00000000000${name}`,
      entity_ref: 'component:default/shop',
      environment: 'prod',
      artifact_name: 'shop',
      digest: `sha256:${name.repeat(64)}`,
      status: 'pending-approval',
      migration_status: 'none',
      actor: 'user:default/Ada',
      created_at: at,
      updated_at: at,
      approval_expires_at: at,
      ...fields,
    });
    await knex('assurance_releases').insert([
      request('1', { rejected_by: 'user:default/bob' }),
      request('2', { rejected_by: 'user:default/ada' }),
      request('3', { approval_lapse_notified_at: at }),
      request('4', { approval_expires_at: new Date('2026-12-10T12:00:00Z') }),
    ]);
    const statuses = async () =>
      (await knex('assurance_releases').orderBy('id').select('status')).map(
        row => row.status,
      );

    await knex.migrate.latest({ directory });
    expect(await statuses()).toEqual([
      'rejected',
      'withdrawn',
      'expired',
      'pending-approval',
    ]);
    await knex.migrate.down({
      directory,
      name: '20261204170000_release_request_end_states.js',
    });
    expect(await statuses()).toEqual(Array(4).fill('pending-approval'));
  });
});
