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
});
