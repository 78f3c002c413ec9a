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

// The whole test suite: unit and integration tests of every package (on
// SQLite, and on PostgreSQL and MySQL when they are reachable), then the
// browser test. `yarn test` runs this; so does CI.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

function reachable(port) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

const env = {
  ...process.env,
  // Never start jest's watch mode, and never ask Docker for databases.
  CI: 'true',
  BACKSTAGE_TEST_DISABLE_DOCKER: '1',
};
if (
  !env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING &&
  (await reachable(5432))
) {
  env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
    'postgresql://postgres@127.0.0.1:5432';
}
for (const [name, value] of Object.entries({
  PostgreSQL: env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
  MySQL: env.BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING,
})) {
  process.stdout.write(
    `store tests on ${name}: ${value ? 'yes' : 'no (not configured)'}\n`,
  );
}

function run(command, args, what) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stdout.write(`\n${what} failed; the steps after it did not run\n`);
    process.exit(result.status ?? 1);
  }
}

run(
  'yarn',
  ['backstage-cli', 'repo', 'test', ...process.argv.slice(2)],
  'the unit and integration tests',
);

if (existsSync('/usr/bin/chromium') || process.env.ASSURANCE_E2E === '1') {
  run('node', ['scripts/e2e.mjs'], 'the browser test');
} else {
  process.stdout.write(
    'browser test skipped: /usr/bin/chromium is missing (apt-get install chromium)\n',
  );
}
