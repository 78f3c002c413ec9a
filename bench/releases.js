#!/usr/bin/env node
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

// Release history benchmark (issue #5): one entity with a long release
// history on PostgreSQL (every release recorded through the store, each
// succeeding and superseding the one before, one in ten failed), then the
// reads behind the Releases tab: the first page of the history
// (GET …/releases; the whole history at once for comparison), one
// environment's last 30 days, and the active release with its rollback
// target per environment as GET …/environments reads them (without its
// gate evaluation, which bench/gates.js measures). Prints p50 and p95.
//
//   node bench/releases.js [--releases 3000] [--runs 50]
//     [--pg postgresql://postgres@127.0.0.1:5432]

require('@backstage/cli/config/nodeTransform.cjs');

const { createHash, randomUUID } = require('node:crypto');
const { percentile, withScratchDatabase } = require('./benchDatabase');
const {
  DatabaseEvidenceStore,
} = require('../plugins/assurance-backend/src/database/DatabaseEvidenceStore');
const {
  DatabaseReleaseStore,
} = require('../plugins/assurance-backend/src/releases/DatabaseReleaseStore');
const {
  findRollbackTarget,
} = require('../plugins/assurance-backend/src/releases/rollbackTarget');
const {
  readRecentReleases,
} = require('../plugins/assurance-backend/src/releases/recentReleases');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const total = Number(arg('--releases', 3000));
const runs = Number(arg('--runs', 50));
const pg = arg('--pg', 'postgresql://postgres@127.0.0.1:5432');

const entityRef = 'component:default/bench-service';
const environments = ['dev', 'staging', 'prod'];
const digestOf = n =>
  `sha256:${createHash('sha256').update(`${n}`).digest('hex')}`;

async function measure(name, fn) {
  const timings = [];
  let result;
  for (let i = 0; i < runs + 5; i++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= 5) timings.push(ms); // the first 5 warm up
  }
  timings.sort((a, b) => a - b);
  process.stdout.write(
    `${name}: p50 ${percentile(timings, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(timings, 95).toFixed(1)} ms (${result})\n`,
  );
}

async function main() {
  await withScratchDatabase(pg, async ({ database }) => {
    await DatabaseEvidenceStore.create({ database }); // runs the migrations
    const releases = await DatabaseReleaseStore.create({ database });

    // One deploy every two hours, back to `total` deploys ago, each
    // environment in turn; the newest are now.
    const loadStarted = Date.now();
    const start = Date.now() - total * 2 * 60 * 60 * 1000;
    for (let i = 0; i < total; i++) {
      await releases.createRelease({
        release: {
          id: randomUUID(),
          entityRef,
          environment: environments[i % environments.length],
          artifact: {
            name: 'bench-service',
            version: `1.${i}.0`,
            digest: digestOf(Math.floor(i / 3)),
          },
          status: i % 10 === 9 ? 'failed' : 'succeeded',
          migrationStatus: 'none',
          actor: 'ci',
          createdAt: new Date(start + i * 2 * 60 * 60 * 1000),
        },
        audit: {
          actor: 'ci',
          action: 'release.record',
          entityRef,
          details: {},
        },
      });
    }
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    process.stdout.write(
      `node ${process.version}; PostgreSQL; ${total} releases of one entity ` +
        `in ${
          environments.length
        } environments (recorded in ${loadSeconds.toFixed(1)} s, ` +
        `${((loadSeconds * 1000) / total).toFixed(
          1,
        )} ms each); ${runs} runs each\n`,
    );

    await measure('first page, as GET …/releases answers', async () => {
      const page = await releases.listReleasePage({ entityRef, limit: 100 });
      return `${page.items.length} releases`;
    });
    await measure('whole history at once, for comparison', async () => {
      const all = await releases.listReleases({ entityRef });
      return `${all.length} releases`;
    });
    const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
    await measure('prod, last 30 days', async () => {
      const page = await releases.listReleasePage({
        entityRef,
        filter: { environment: 'prod', since },
        limit: 100,
      });
      return `${page.items.length} releases`;
    });
    await measure(
      'active release and rollback target of each environment',
      async () => {
        const active = await releases.listActive({ entityRef });
        const targets = await Promise.all(
          environments.map(async environment => {
            const here = await readRecentReleases({
              releases,
              entityRef,
              environment,
              activeId: active[environment],
            });
            return findRollbackTarget({
              history: here,
              active: here.find(r => r.id === active[environment]) ?? null,
            });
          }),
        );
        return `${targets.filter(Boolean).length} targets`;
      },
    );
  });
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
