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

// What the benchmarks share: a scratch PostgreSQL database for one run,
// and percentiles of sorted timings.

const knexFactory = require('knex');

/**
 * Creates a database of its own on the server `pg`, hands `fn` a
 * DatabaseService-like `{ getClient }` for it, and drops it afterwards.
 */
async function withScratchDatabase(pg, fn) {
  const dbName = `assurance_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pg });
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const knex = knexFactory({
    client: 'pg',
    connection: `${pg.replace(/\/$/, '')}/${dbName}`,
    pool: { min: 1, max: 5 },
  });
  try {
    return await fn({
      knex,
      database: { getClient: async () => knex, migrations: {} },
    });
  } finally {
    await knex.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.destroy();
  }
}

/** The value at percentile `p` of ascending `sorted`. */
function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

module.exports = { withScratchDatabase, percentile };
