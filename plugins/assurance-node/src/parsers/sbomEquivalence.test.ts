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

import { SbomSummary } from '@real-app-forever/plugin-assurance-common';
import fs from 'fs';
import path from 'path';
import { sbomParsers } from './families/sbomParsers';

// Hand-made: one project written as every SBOM form; see the README there.
const DIR = path.resolve(__dirname, '__fixtures__/sbom-equivalence');

const FILES = [
  { file: 'acme-web-cyclonedx-1.4.json', format: 'cyclonedx-json' },
  { file: 'acme-web-cyclonedx-1.5.json', format: 'cyclonedx-json' },
  { file: 'acme-web-cyclonedx-1.6.json', format: 'cyclonedx-json' },
  { file: 'acme-web-cyclonedx-1.4.xml', format: 'cyclonedx-xml' },
  { file: 'acme-web-cyclonedx-1.5.xml', format: 'cyclonedx-xml' },
  { file: 'acme-web-cyclonedx-1.6.xml', format: 'cyclonedx-xml' },
  { file: 'acme-web-spdx-2.3.spdx.json', format: 'spdx-json' },
  { file: 'acme-web-spdx-2.3.spdx', format: 'spdx-tag-value' },
];

const npm = (name: string, version: string) =>
  `pkg:npm/${name.replace('@', '%40')}@${version}`;

/** The project as written in every file, in sorted order. */
const EXPECTED_COMPONENTS = [
  ['@types/node', '20.14.10', 'MIT'],
  ['argparse', '2.0.1', 'Python-2.0'],
  ['body-parser', '1.20.2', 'MIT'],
  ['debug', '2.6.9', 'MIT'],
  ['dompurify', '3.1.6', '(MPL-2.0 OR Apache-2.0)'],
  ['express', '4.19.2', 'MIT'],
  ['js-yaml', '4.1.0', 'MIT'],
  ['lodash', '4.17.21', 'MIT'],
  ['ms', '2.0.0', 'MIT'],
].map(([name, version, license]) => ({
  name,
  version,
  purl: npm(name, version),
  licenses: [license],
  type: 'library',
}));

const APP = npm('acme-web', '2.1.0');

const EXPECTED_EDGES = [
  [APP, npm('express', '4.19.2')],
  [APP, npm('lodash', '4.17.21')],
  [APP, npm('dompurify', '3.1.6')],
  [APP, npm('js-yaml', '4.1.0')],
  [APP, npm('@types/node', '20.14.10')],
  [npm('express', '4.19.2'), npm('body-parser', '1.20.2')],
  [npm('express', '4.19.2'), npm('debug', '2.6.9')],
  [npm('body-parser', '1.20.2'), npm('debug', '2.6.9')],
  [npm('debug', '2.6.9'), npm('ms', '2.0.0')],
  [npm('js-yaml', '4.1.0'), npm('argparse', '2.0.1')],
]
  .map(([from, to]) => `${from} -> ${to}`)
  .sort();

function parseFixture(file: string) {
  const input = {
    fileName: file,
    text: fs.readFileSync(path.join(DIR, file), 'utf8'),
  };
  const claims = sbomParsers.filter(parser => parser.detect(input));
  expect(claims).toHaveLength(1);
  return {
    format: claims[0].format,
    summary: claims[0].parse(input) as SbomSummary,
  };
}

/**
 * Dependency edges with refs replaced by package URLs. The one ref that is
 * not a component's is the primary component's.
 */
function edgesByPurl(summary: SbomSummary): string[] {
  const purls = new Map(
    (summary.components ?? []).map(({ ref, purl }) => [ref, purl]),
  );
  const otherRefs = new Set<string>();
  const purlOf = (ref: string) => {
    if (purls.has(ref)) {
      return purls.get(ref);
    }
    otherRefs.add(ref);
    return summary.primaryComponent?.purl;
  };
  const edges = (summary.dependencies ?? []).map(
    ({ from, to }) => `${purlOf(from)} -> ${purlOf(to)}`,
  );
  expect(otherRefs.size).toBe(1);
  return edges.sort();
}

describe('the same project as CycloneDX 1.4-1.6 JSON and XML and SPDX 2.3', () => {
  it.each(FILES)('$file yields the project', ({ file, format }) => {
    const parsed = parseFixture(file);
    expect(parsed.format).toBe(format);

    const { summary } = parsed;
    expect(summary.primaryComponent).toEqual({
      name: 'acme-web',
      version: '2.1.0',
      purl: APP,
    });
    expect(summary.componentCount).toBe(9);
    expect(
      summary.components?.map(({ ref: _ref, ...component }) => component),
    ).toEqual(EXPECTED_COMPONENTS);
    expect(summary.dependencyCount).toBe(10);
    expect(edgesByPurl(summary)).toEqual(EXPECTED_EDGES);
  });

  it('yields the same component set from every file', () => {
    const sets = FILES.map(({ file }) => {
      const { summary } = parseFixture(file);
      return (summary.components ?? [])
        .map(({ name, version, purl }) => `${name} ${version} ${purl}`)
        .sort();
    });
    for (const set of sets.slice(1)) {
      expect(set).toEqual(sets[0]);
    }
  });
});
