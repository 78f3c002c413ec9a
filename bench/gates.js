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

// Gate evaluation benchmark (issue #4): one entity with 1,000 evidence
// records on PostgreSQL, 20 required gates, the whole path of
// GET /gates minus HTTP: effective policy (with its history check),
// evidence and overrides from the database, evaluation. Prints p50 and p95.
//
//   node bench/gates.js [--runs 300] [--pg postgresql://postgres@127.0.0.1:5432]

require('@backstage/cli/config/nodeTransform.cjs');

const { createHash, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { percentile, withScratchDatabase } = require('./benchDatabase');
const { ConfigReader } = require('@backstage/config');
const {
  defaultParsers,
  parseEvidence,
} = require('../plugins/assurance-node/src');
const {
  DatabaseEvidenceStore,
} = require('../plugins/assurance-backend/src/database/DatabaseEvidenceStore');
const {
  DefaultPolicyService,
} = require('../plugins/assurance-backend/src/policy/DefaultPolicyService');
const {
  DatabaseOverrideStore,
} = require('../plugins/assurance-backend/src/overrides/DatabaseOverrideStore');
const {
  builtInGates,
} = require('../plugins/assurance-backend/src/gates/gateDefinitions');
const {
  loadGateEvidence,
} = require('../plugins/assurance-backend/src/gates/loadGateEvidence');
const {
  evaluateGates,
} = require('../plugins/assurance-backend/src/gates/evaluateGates');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', 300));
const pg = arg('--pg', 'postgresql://postgres@127.0.0.1:5432');

const corpus = resolve(
  __dirname,
  '../plugins/assurance-node/src/parsers/__fixtures__/corpus',
);
const samples = [
  'junit/surefire-failures-skipped.xml',
  'junit/jest-junit-passing.xml',
  'tap/tap14-all-pass.tap',
  'sarif/spotbugs-4.4.0.sarif',
  'eslint-json/eslint-security-plugin-with-source.json',
  'npm-audit/npm7-critical.json',
  'trivy-json/trivy-fs-npm.json',
  'sbom-cyclonedx/spec-valid-bom-1.6.json',
  'gitleaks/gitleaks-8-simple.json',
  'coverage/lcov-istanbul-js.info',
  'scorecard/scorecard-v4.8.0-results.json',
  'provenance/slsa-v1-statement-decoded-bazel-bcr.json',
].map(name => {
  const bytes = readFileSync(resolve(corpus, name));
  return {
    name,
    ...parseEvidence({ parsers: defaultParsers, fileName: name, bytes }),
    bytes,
  };
});

// 11 built-in gates and 9 module-style gates make 20.
const gates = new Map(builtInGates);
for (let i = 1; gates.size < 20; i++) {
  const base = builtInGates.get('coverage');
  gates.set(`custom-${i}`, {
    ...base,
    id: `custom-${i}`,
    title: `Custom ${i}`,
  });
}
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'bench-service',
    namespace: 'default',
    annotations: { 'real-app-forever.dev/risk-level': 'high' },
  },
  spec: { type: 'service', owner: 'group:default/team-bench' },
};
const entityRef = 'component:default/bench-service';

async function main() {
  await withScratchDatabase(pg, async ({ knex, database }) => {
    const config = new ConfigReader({
      assurance: {
        gatePolicy: {
          riskLevels: { high: { requiredGates: [...gates.keys()] } },
        },
      },
    });
    const store = await DatabaseEvidenceStore.create({ database });
    const policyService = await DefaultPolicyService.create({
      config,
      database,
      knownGates: new Set(gates.keys()),
    });
    const overrides = await DatabaseOverrideStore.create({ database });

    const started = Date.now() - 1000 * 60 * 60 * 24;
    for (let i = 0; i < 1000; i++) {
      const sample = samples[i % samples.length];
      const id = randomUUID();
      await store.insertEvidence({
        evidence: {
          id,
          entityRef,
          format: sample.format,
          fileName: sample.name,
          sha256: createHash('sha256').update(id).digest('hex'),
          size: sample.bytes.length,
          executionId: `run-${Math.floor(i / samples.length)}`,
          uploadedBy: 'ci',
          uploadedAt: new Date(started + i * 60_000),
          summary: sample.summary,
          content: sample.bytes,
        },
        audit: { actor: 'ci', action: 'evidence.create', details: {} },
      });
    }

    const timings = [];
    let result;
    for (let i = 0; i < runs + 20; i++) {
      const t0 = process.hrtime.bigint();
      const now = new Date();
      const policy = await policyService.getEffectivePolicy({ entity });
      const required = policy.requiredGates.map(({ value }) =>
        gates.get(value),
      );
      const [evidence, entityOverrides] = await Promise.all([
        loadGateEvidence({ store, entityRef, gates: required }),
        overrides.listOverrides({ entityRef, now }),
      ]);
      result = evaluateGates({
        entityRef,
        policy,
        gates,
        evidence,
        overrides: entityOverrides,
        now,
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (i >= 20) timings.push(ms); // the first 20 warm up
    }
    timings.sort((a, b) => a - b);
    const records = await knex('assurance_evidence').count('* as n');
    process.stdout.write(
      `node ${process.version}; PostgreSQL; ${records[0].n} evidence records; ` +
        `${result.gates.length} gates; ${runs} evaluations\n` +
        `p50 ${percentile(timings, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(timings, 95).toFixed(1)} ms, ` +
        `max ${timings[timings.length - 1].toFixed(1)} ms\n`,
    );
  });
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
