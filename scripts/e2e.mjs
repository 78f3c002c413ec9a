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

// The browser test: builds the app, starts the backend that serves it (with
// the example evidence seeded through the API), and walks the portal in
// Debian's Chromium. With ASSURANCE_UPDATE_SCREENSHOTS=1 it also refreshes
// the README's screenshot in docs/; otherwise it keeps its screenshots in
// node_modules/.cache/e2e.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const baseUrl = 'http://localhost:7017';
const exampleEntity = 'component:default/payments-api';
const backendLog = resolve(root, 'node_modules/.cache/e2e-backend.log');
// The CI token the backend accepts in this test; any value works.
const ciToken = `e2e-${process.pid}`;

let backend;
let browser;

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

async function guestToken() {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * Signs in on the sign-in page as the example user `name` (one listed under
 * `app.demoUsers`) by pressing its "Sign in as …" button, and resolves to
 * the identity the backend issued.
 */
export async function signInAs(page, name) {
  const refreshed = page.waitForResponse(
    response =>
      response.url().endsWith('/api/auth/demo-users/refresh') &&
      response.request().headers()['x-demo-user'] === name,
    { timeout: 60_000 },
  );
  await page
    .getByRole('button', { name: /^Sign in as / })
    .and(page.locator(`[data-demo-user="${name}"]`))
    .click({ timeout: 60_000 });
  const response = await refreshed;
  assert.equal(response.status(), 200, `signed in as ${name}`);
  const { backstageIdentity } = await response.json();
  return backstageIdentity.identity;
}

/** GETs an assurance API path as the guest; throws unless 2xx. */
async function apiGet(path) {
  const response = await fetch(`${baseUrl}/api/assurance${path}`, {
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}`);
  }
  return response.json();
}

before(async () => {
  const build = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  assert.equal(build.status, 0, 'the app builds');

  // The backend's request log is long; it is printed only when a test fails.
  mkdirSync(resolve(root, 'node_modules/.cache'), { recursive: true });
  const log = openSync(backendLog, 'w');
  backend = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      resolve(root, 'app-config.yaml'),
      '--config',
      resolve(root, 'scripts/e2e/app-config.e2e.yaml'),
    ],
    {
      cwd: root,
      stdio: ['ignore', log, log],
      detached: true,
      env: { ...process.env, ASSURANCE_CI_TOKEN: ciToken },
    },
  );

  // The seeding module uploads the example evidence once the catalog has the
  // entities; wait until the example entity has its verdicts.
  await until(
    'seeded gate verdicts',
    async () => {
      const token = await guestToken();
      const [kind, rest] = exampleEntity.split(':');
      const response = await fetch(
        `${baseUrl}/api/assurance/v1/entities/${kind}/${rest}/gates`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        return false;
      }
      const { gates } = await response.json();
      const statuses = new Set(gates.map(g => g.status));
      return statuses.has('failed') && statuses.has('passed');
    },
    240_000,
  );
  // Then it replays examples/releases.yaml: checkout-web's prod promotion
  // ends waiting for approval.
  await until(
    'seeded example releases',
    async () => {
      const { environments } = await apiGet(
        '/v1/entities/component/default/checkout-web/environments',
      );
      return environments.find(e => e.name === 'prod')?.pendingApprovals.length;
    },
    120_000,
  );

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  if (process.exitCode) {
    process.stderr.write(readFileSync(backendLog, 'utf8').slice(-20_000));
  }
  if (backend?.pid) {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

test('the Gates tab of an example entity shows a failed and a passed gate', async () => {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  await page.goto(`${baseUrl}/catalog/default/component/payments-api/gates`);

  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 60_000 });

  const gates = page.getByTestId('assurance-gates');
  await gates.waitFor({ timeout: 60_000 });
  const failed = gates.locator('[data-gate-status="failed"]');
  const passed = gates.locator('[data-gate-status="passed"]');
  await failed.first().waitFor({ timeout: 30_000 });
  await passed.first().waitFor({ timeout: 30_000 });
  assert.ok((await failed.count()) >= 1, 'at least one failed gate');
  assert.ok((await passed.count()) >= 1, 'at least one passed gate');

  // The failed unit-tests gate says which test failed.
  const unitTests = gates.locator('[data-gate-id="unit-tests"]');
  assert.match(await unitTests.innerText(), /failed/i);

  const shots = process.env.ASSURANCE_UPDATE_SCREENSHOTS
    ? resolve(root, 'docs')
    : resolve(root, 'node_modules/.cache/e2e');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({
    path: resolve(shots, 'gates-tab.png'),
    fullPage: true,
  });
});

/** Runs the assurance CLI as a pipeline would; `tty` gives it a terminal. */
function cli(args, { tty = false } = {}) {
  const env = {
    ...process.env,
    ASSURANCE_URL: baseUrl,
    ASSURANCE_TOKEN: ciToken,
    CI: '',
  };
  const command = ['node', resolve(root, 'packages/cli/bin/assurance'), ...args]
    .map(arg => `'${arg.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const result = tty
    ? spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, env })
    : spawnSync('sh', ['-c', command], { cwd: root, env });
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
  };
}

test('the CLI uploads the example evidence and blocks on failed gates', () => {
  const examples = resolve(root, 'examples/evidence');
  const entities = readdirSync(examples, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name);
  let uploads = 0;
  for (const entity of entities) {
    const builds = readdirSync(resolve(examples, entity)).sort();
    for (const build of builds) {
      const { status, output } = cli(
        [
          'upload',
          '--entity',
          `component:default/${entity}`,
          '--execution-id',
          `${build}-cli`,
          `examples/evidence/${entity}/${build}/*`,
        ],
        { tty: true },
      );
      assert.equal(status, 0, output);
      assert.match(output, /Uploading .*\d+\/\d+ files/);
      assert.doesNotMatch(output, new RegExp(ciToken));
      uploads += 1;
    }
  }
  assert.ok(uploads >= 5, 'every example build was uploaded');

  const blocked = cli([
    'gates',
    '--entity',
    'component:default/payments-api',
    '--fail-on',
    'failed',
  ]);
  assert.equal(blocked.status, 1, blocked.output);
  assert.match(blocked.output, /failed/i);

  const clean = cli([
    'gates',
    '--entity',
    'component:default/checkout-web',
    '--fail-on',
    'failed,missing',
  ]);
  assert.equal(clean.status, 0, clean.output);
});

test('two example users sign in side by side, and sign out to the picker', async () => {
  const users = [
    ['amara.okafor', 'group:default/team-payments'],
    ['sofia.rossi', 'group:default/release-approvers'],
  ];
  const pages = [];
  for (const [name, group] of users) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/catalog`);
    const identity = await signInAs(page, name);
    assert.equal(identity.userEntityRef, `user:default/${name}`);
    assert.ok(
      identity.ownershipEntityRefs.includes(group),
      `${name} in ${group}`,
    );
    await page.getByRole('link', { name: 'Home' }).waitFor({ timeout: 60_000 });
    pages.push(page);
  }

  // The choice survives a reload of the tab.
  const [amara, sofia] = pages;
  const again = amara.waitForResponse(r =>
    r.url().endsWith('/api/auth/demo-users/refresh'),
  );
  await amara.reload();
  const reloaded = await (await again).json();
  assert.equal(
    reloaded.backstageIdentity.identity.userEntityRef,
    'user:default/amara.okafor',
  );

  // Signing out returns to the picker, with the choice forgotten.
  await sofia.goto(`${baseUrl}/settings`);
  await sofia
    .getByText('sofia.rossi@example.com')
    .first()
    .waitFor({ timeout: 60_000 });
  await sofia.getByRole('button', { name: 'more' }).click({ timeout: 60_000 });
  await sofia.getByRole('menuitem', { name: /sign out/i }).click();
  await sofia
    .getByRole('button', { name: 'Enter' })
    .waitFor({ timeout: 60_000 });
  await sofia.reload();
  await sofia
    .getByRole('button', { name: 'Enter' })
    .waitFor({ timeout: 60_000 });

  for (const page of pages) {
    await page.context().close();
  }
});

test('one user requests an override of a failing gate, another approves it', async () => {
  const gatesUrl = `${baseUrl}/catalog/default/component/payments-api/gates`;
  const viewport = { width: 1400, height: 1000 };

  // Amara (Team Payments, owner of payments-api) asks for an exception.
  const requester = await (await browser.newContext({ viewport })).newPage();
  await requester.goto(gatesUrl);
  await signInAs(requester, 'amara.okafor');
  const dependencyScan = requester.locator('[data-gate-id="dependency-scan"]');
  await dependencyScan.waitFor({ timeout: 60_000 });
  assert.equal(await dependencyScan.getAttribute('data-gate-status'), 'failed');
  await requester
    .getByRole('button', {
      name: 'Request override for Dependency vulnerability scan',
    })
    .click({ timeout: 60_000 });
  await requester
    .getByLabel('Reason')
    .fill('axios upgrade is blocked by PAY-311; the fix ships this sprint');
  await requester.getByTestId('assurance-request-override-submit').click();
  const overrides = requester.getByTestId('assurance-overrides');
  await overrides
    .locator('[data-override-status="pending"]')
    .first()
    .waitFor({ timeout: 30_000 });
  // Nobody decides their own request: Amara is offered no approve button.
  assert.equal(
    await requester.getByTestId('assurance-approve-override').count(),
    0,
  );

  // Sofia (Release Approvers) approves it.
  const approver = await (await browser.newContext({ viewport })).newPage();
  await approver.goto(gatesUrl);
  await signInAs(approver, 'sofia.rossi');
  await approver
    .getByTestId('assurance-approve-override')
    .first()
    .click({ timeout: 60_000 });
  await approver.getByTestId('assurance-approve-override-submit').click();

  const overridden = approver.locator(
    '[data-gate-id="dependency-scan"][data-gate-status="overridden"]',
  );
  await overridden.waitFor({ timeout: 30_000 });
  const row = approver.locator('tr', { has: overridden });
  const text = await row.innerText();
  assert.match(text, /Sofia Rossi|sofia\.rossi/i, 'shows the approver');
  assert.match(text, /expire/i, 'shows the expiry');
  await approver
    .getByTestId('assurance-overrides')
    .locator('[data-override-status="approved"]')
    .first()
    .waitFor({ timeout: 30_000 });

  const shots = process.env.ASSURANCE_UPDATE_SCREENSHOTS
    ? resolve(root, 'docs')
    : resolve(root, 'node_modules/.cache/e2e');
  await approver.screenshot({
    path: resolve(shots, 'gates-override.png'),
    fullPage: true,
  });
});

test('a second user approves the pending prod promotion, and prod changes', async () => {
  const releasesUrl = `${baseUrl}/catalog/default/component/checkout-web/releases`;
  const viewport = { width: 1400, height: 1000 };
  const before = await apiGet(
    '/v1/entities/component/default/checkout-web/environments',
  );
  const prodBefore = before.environments.find(e => e.name === 'prod');
  const pending = prodBefore.pendingApprovals[0];
  assert.equal(pending.artifact.version, '2.7.0');
  assert.notEqual(prodBefore.activeRelease.artifact.version, '2.7.0');
  assert.ok(prodBefore.rollbackTarget, 'prod has a rollback target');

  // Sofia (Release Approvers) did not ask for it, so she may approve it.
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(releasesUrl);
  await signInAs(page, 'sofia.rossi');
  const prod = page.getByRole('region', { name: 'Environment prod' });
  await prod.waitFor({ timeout: 60_000 });
  assert.match(await prod.innerText(), /2\.5\.0/, 'prod runs 2.5.0 before');
  await prod
    .getByRole('button', { name: 'Approve promotion of 2.7.0 to prod' })
    .click({ timeout: 60_000 });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Approve/ })
    .click();

  // The approval leaves the prod card, which now shows 2.7.0 as its active
  // release.
  await until(
    'prod to run 2.7.0',
    async () =>
      (await prod
        .getByRole('button', { name: 'Approve promotion of 2.7.0 to prod' })
        .count()) === 0 && /2\.7\.0/.test(await prod.innerText()),
    30_000,
  );
  const after = await apiGet(
    '/v1/entities/component/default/checkout-web/environments',
  );
  const prodAfter = after.environments.find(e => e.name === 'prod');
  assert.equal(prodAfter.activeRelease.id, pending.id);
  assert.equal(prodAfter.activeRelease.approvedBy, 'user:default/sofia.rossi');
  assert.equal(prodAfter.pendingApprovals.length, 0);

  const shots = process.env.ASSURANCE_UPDATE_SCREENSHOTS
    ? resolve(root, 'docs')
    : resolve(root, 'node_modules/.cache/e2e');
  await page.screenshot({
    path: resolve(shots, 'releases-tab.png'),
    fullPage: true,
  });
});
