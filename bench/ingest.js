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
// bare parse). Both start from the same Buffer and both hash it. Prints MB/s
// and the ratio; the target is at least 0.5.
//
// Each measurement runs for `--seconds`; floor and ingest measurements are
// interleaved over `--rounds` rounds and the best round of each is kept, so
// that a burst of load on a shared machine does not decide the ratio.
//
//   node bench/ingest.js [--seconds 3] [--rounds 3] [--only <substring>]

require('@backstage/cli/config/nodeTransform.cjs');

const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const os = require('node:os');
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
  {
    name: 'sarif/semgrep-0.17-owasp-benchmark-large.sarif',
    kind: 'json',
    format: 'sarif',
  },
  {
    name: 'sbom-cyclonedx/trivy-fluentd-multiple-lockfiles-large.cdx.json',
    kind: 'json',
    format: 'cyclonedx-json',
  },
  {
    name: 'junit/eclipse-pde-large-properties.xml',
    kind: 'xml',
    format: 'junit',
  },
  {
    name: 'junit/jest-junit-large-jest-repo-4239-tests.xml',
    kind: 'xml',
    format: 'junit',
  },
];

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}
const seconds = Number(option('seconds', 3));
const rounds = Number(option('rounds', 3));
const only = option('only', '');

// Results are folded into this so that no measured call is dead code.
let sink = 0;

/** Runs fn repeatedly for about `seconds`; returns MB/s over `bytes`. */
function throughput(fn, bytes) {
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
const cases = files
  .filter(file => file.name.includes(only))
  .map(file => {
    const bytes = readFileSync(resolve(corpus, file.name));
    const floor = () => {
      sink += createHash('sha256').update(bytes).digest('hex').length;
      const text = bytes.toString('utf8');
      const parsed = file.kind === 'json' ? JSON.parse(text) : xml.parse(text);
      sink += typeof parsed === 'object' ? 1 : 0;
    };
    const ingest = () => {
      sink += createHash('sha256').update(bytes).digest('hex').length;
      const { format } = parseEvidence({
        parsers: defaultParsers,
        fileName: file.name,
        bytes,
      });
      sink += format.length;
    };
    // Warm up, and check that ingest reads the file as what it is.
    for (let i = 0; i < 5; i++) {
      floor();
      ingest();
    }
    const { format } = parseEvidence({
      parsers: defaultParsers,
      fileName: file.name,
      bytes,
    });
    if (format !== file.format) {
      throw new Error(`${file.name} was read as ${format}, not ${file.format}`);
    }
    return { file, bytes, floor, ingest, best: { floor: 0, ingest: 0 } };
  });

const cpus = os.cpus();
process.stdout.write(
  `node ${process.version}, ${
    os.availableParallelism?.() ?? cpus.length
  } cores (${cpus[0]?.model ?? 'unknown CPU'}), load average ${os
    .loadavg()[0]
    .toFixed(2)}\n` +
    `${seconds}s per measurement, best of ${rounds} interleaved rounds\n`,
);

for (let round = 0; round < rounds; round++) {
  for (const entry of cases) {
    // Alternate which of the two goes first, so neither always runs on a
    // heap the other left behind.
    const order = round % 2 === 0 ? ['floor', 'ingest'] : ['ingest', 'floor'];
    for (const kind of order) {
      const mbs = throughput(entry[kind], entry.bytes.length);
      entry.best[kind] = Math.max(entry.best[kind], mbs);
    }
  }
}

const rows = cases.map(({ file, bytes, best }) => ({
  file: file.name,
  size: `${(bytes.length / 1e6).toFixed(2)} MB`,
  'ingest MB/s': best.ingest.toFixed(1),
  'floor MB/s': best.floor.toFixed(1),
  ratio: (best.ingest / best.floor).toFixed(2),
}));

const headers = Object.keys(rows[0]);
const widths = headers.map(h =>
  Math.max(h.length, ...rows.map(r => String(r[h]).length)),
);
const line = cells =>
  cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
process.stdout.write(`${line(headers)}\n`);
for (const row of rows) {
  process.stdout.write(`${line(headers.map(h => row[h]))}\n`);
}
process.stdout.write(
  `load average at the end ${os.loadavg()[0].toFixed(2)}${
    sink < 0 ? ' ' : ''
  }\n`,
);
