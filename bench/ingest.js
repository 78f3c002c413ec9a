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

// Ingest benchmark: how fast the backend turns an uploaded file into facts
// (decode, detect, parse, sha256), next to the floor for the same bytes on
// this machine (sha256 plus JSON.parse, or sha256 plus fast-xml-parser's
// bare parse). Prints MB/s and the ratio; the target is at least 0.5.
//
//   node bench/ingest.js [--seconds 3]

require('@backstage/cli/config/nodeTransform.cjs');

const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { XMLParser } = require('fast-xml-parser');
const {
  defaultParsers,
  parseEvidence,
} = require('../plugins/assurance-node/src/parsers');

const corpus = resolve(
  __dirname,
  '../plugins/assurance-node/src/parsers/__fixtures__/corpus',
);
const files = [
  { name: 'sarif/semgrep-0.17-owasp-benchmark-large.sarif', kind: 'json' },
  {
    name: 'sbom-cyclonedx/trivy-fluentd-multiple-lockfiles-large.cdx.json',
    kind: 'json',
  },
  { name: 'junit/eclipse-pde-large-properties.xml', kind: 'xml' },
  { name: 'junit/jest-junit-large-jest-repo-4239-tests.xml', kind: 'xml' },
];

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 3;

/** Runs fn repeatedly for about `seconds`; returns MB/s over `bytes`. */
function throughput(fn, bytes) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  let runs = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - started < budget) {
    fn();
    runs += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return (bytes * runs) / elapsed / 1e6;
}

const xml = new XMLParser({ ignoreAttributes: false, processEntities: false });
const rows = [];
for (const file of files) {
  const bytes = readFileSync(resolve(corpus, file.name));
  const floor = throughput(() => {
    createHash('sha256').update(bytes).digest('hex');
    if (file.kind === 'json') {
      JSON.parse(bytes.toString('utf8'));
    } else {
      xml.parse(bytes.toString('utf8'));
    }
  }, bytes.length);
  const ingest = throughput(() => {
    createHash('sha256').update(bytes).digest('hex');
    parseEvidence({ parsers: defaultParsers, fileName: file.name, bytes });
  }, bytes.length);
  rows.push({
    file: file.name,
    size: `${(bytes.length / 1e6).toFixed(2)} MB`,
    'ingest MB/s': ingest.toFixed(1),
    'floor MB/s': floor.toFixed(1),
    ratio: (ingest / floor).toFixed(2),
  });
}

const headers = Object.keys(rows[0]);
const widths = headers.map(h =>
  Math.max(h.length, ...rows.map(r => String(r[h]).length)),
);
const line = cells =>
  cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
process.stdout.write(`node ${process.version}, ${seconds}s per measurement\n`);
process.stdout.write(`${line(headers)}\n`);
for (const row of rows) {
  process.stdout.write(`${line(headers.map(h => row[h]))}\n`);
}
