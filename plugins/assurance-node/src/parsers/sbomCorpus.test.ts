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

import {
  EvidenceFormat,
  MAX_SBOM_COMPONENTS,
  SbomSummary,
} from '@real-app-forever/plugin-assurance-common';
import path from 'path';
import { decodeEvidenceText } from './decodeEvidenceText';
import { sbomParsers } from './families/sbomParsers';
import { defaultParsers, parseEvidence } from './parseEvidence';
import {
  listCorpusFiles,
  readCorpusFile,
  refusalOf,
} from './__testUtils__/corpus';

// The SBOM parsers next to the default ones, so that detection must pick
// exactly one parser for every file.
const parsers = [...new Set([...defaultParsers, ...sbomParsers])];

/** Every SBOM corpus file parses; none is refused. */
const FORMATS: Record<string, EvidenceFormat> = {
  'sbom-cyclonedx/cyclonedx-npm-bundled-dependencies-1.6.json':
    'cyclonedx-json',
  'sbom-cyclonedx/cyclonedx-npm-dev-dependencies-1.5.json': 'cyclonedx-json',
  'sbom-cyclonedx/cyclonedx-npm-package-integrity-1.6.xml': 'cyclonedx-xml',
  'sbom-cyclonedx/grype-0.41-cyclonedx-1.4-log4j-vulns.json': 'cyclonedx-json',
  'sbom-cyclonedx/grype-0.7-cyclonedx-1.2-vuln-ext.xml': 'cyclonedx-xml',
  'sbom-cyclonedx/jake-cyclonedx-1.1-vuln-ext.xml': 'cyclonedx-xml',
  'sbom-cyclonedx/spec-valid-assembly-nested-1.6.xml': 'cyclonedx-xml',
  'sbom-cyclonedx/spec-valid-bom-1.4.json': 'cyclonedx-json',
  'sbom-cyclonedx/spec-valid-bom-1.5.xml': 'cyclonedx-xml',
  'sbom-cyclonedx/spec-valid-bom-1.6.json': 'cyclonedx-json',
  'sbom-cyclonedx/spec-valid-vulnerability-vex-1.6.json': 'cyclonedx-json',
  'sbom-cyclonedx/trivy-cyclonedx-1.5-with-vulnerabilities.json':
    'cyclonedx-json',
  'sbom-cyclonedx/trivy-fluentd-multiple-lockfiles-large.cdx.json':
    'cyclonedx-json',
  'sbom-cyclonedx/trivy-maven-pom.cdx.json': 'cyclonedx-json',
  'sbom-spdx/spdx-examples-appbomination-2.2.spdx.json': 'spdx-json',
  'sbom-spdx/spdx-examples-go-bin-external-refs-2.2.spdx': 'spdx-tag-value',
  'sbom-spdx/spdx-examples-maven-enriched-2.3.spdx.json': 'spdx-json',
  'sbom-spdx/spdx-examples-minimal-2.3.spdx.json': 'spdx-json',
  'sbom-spdx/spdx-examples-security-refs-2.3.spdx.json': 'spdx-json',
  'sbom-spdx/spec-example-2.3-tag-value.spdx': 'spdx-tag-value',
  'sbom-spdx/spec-example-2.3.spdx.json': 'spdx-json',
  'sbom-spdx/syft-image-2.3-redacted.spdx.json': 'spdx-json',
  'sbom-spdx/trivy-centos-7-tag-value-2.2.spdx': 'spdx-tag-value',
  'sbom-spdx/trivy-conda-2.3.spdx.json': 'spdx-json',
};

function parseSbom(name: string) {
  const { format, summary } = parseEvidence({
    parsers,
    fileName: path.basename(name),
    bytes: readCorpusFile(name),
  });
  return { format, summary: summary as SbomSummary };
}

const allFiles = listCorpusFiles();
const sbomFiles = allFiles.filter(name => name.startsWith('sbom-'));
const otherFiles = allFiles.filter(name => !name.startsWith('sbom-'));

describe('SBOM corpus files', () => {
  it('are all accounted for', () => {
    expect(sbomFiles).toEqual(Object.keys(FORMATS).sort());
  });

  it.each(sbomFiles)('%s parses as its format', name => {
    const { format, summary } = parseSbom(name);
    expect(format).toBe(FORMATS[name]);
    expect(summary.kind).toBe('sbom');
    expect(summary.components).toHaveLength(
      Math.min(summary.componentCount, MAX_SBOM_COMPONENTS),
    );
    expect(summary.dependencies).toHaveLength(
      Math.min(summary.dependencyCount ?? 0, MAX_SBOM_COMPONENTS),
    );
  });
});

describe('corpus files of other families', () => {
  it.each(otherFiles)('%s is claimed by no SBOM parser', name => {
    const input = {
      fileName: path.basename(name),
      text: decodeEvidenceText(readCorpusFile(name)),
    };
    expect(sbomParsers.filter(parser => parser.detect(input))).toEqual([]);
  });

  const cases = allFiles.flatMap(name =>
    sbomParsers
      .filter(({ format }) => FORMATS[name] !== format)
      .map(({ format }) => ({ name, format })),
  );
  it.each(cases)('$name as $format is refused with a reason', c => {
    const refusal = refusalOf(() =>
      parseEvidence({
        parsers,
        fileName: path.basename(c.name),
        bytes: readCorpusFile(c.name),
        format: c.format,
      }),
    );
    expect(refusal.message).not.toMatch(/could not read the file/);
  });
});

/**
 * Facts pinned per file. Each was read from the file by hand (jq, grep or
 * reading it), as the comment says, and the parser's output compared with
 * it: the count, the primary component, the edges and one component with
 * its purl and licences.
 */
const PINNED: Array<{
  name: string;
  facts: Partial<SbomSummary>;
  /** One component it lists, with its purl and licences. */
  sample?: Record<string, unknown>;
}> = [
  {
    // CycloneDX JSON. jq '.components | length' = 5, none nested;
    // metadata.component is demo-dev-dependencies 0.0.0;
    // [.dependencies[].dependsOn[]?] | length = 7.
    name: 'sbom-cyclonedx/cyclonedx-npm-dev-dependencies-1.5.json',
    facts: {
      specVersion: '1.5',
      componentCount: 5,
      primaryComponent: expect.objectContaining({
        name: 'demo-dev-dependencies',
        version: '0.0.0',
      }),
      dependencyCount: 7,
    },
    sample: {
      name: '@types/node',
      version: '20.14.10',
      purl: 'pkg:npm/%40types/node@20.14.10#types/node',
      licenses: ['MIT'],
    },
  },
  {
    // CycloneDX JSON. 3 components (myframework has no bom-ref); mylibrary's
    // licence is an expression, myframework's a name; 1 dependency edge.
    name: 'sbom-cyclonedx/spec-valid-bom-1.6.json',
    facts: {
      componentCount: 3,
      primaryComponent: { name: 'Acme Application', version: '9.1.1' },
      dependencyCount: 1,
    },
    sample: {
      name: 'org.example/mylibrary',
      version: '1.0.0',
      licenses: ['EPL-2.0 OR GPL-2.0-with-classpath-exception'],
    },
  },
  {
    // CycloneDX JSON. specVersion 1.7, 3 components, no licences;
    // [.dependencies[].dependsOn[]] | length = 3; metadata.component has a
    // name only.
    name: 'sbom-cyclonedx/trivy-maven-pom.cdx.json',
    facts: {
      specVersion: '1.7',
      componentCount: 3,
      primaryComponent: { name: 'testdata/fixtures/repo/pom' },
      dependencyCount: 3,
    },
    sample: {
      name: 'com.fasterxml.jackson.core/jackson-databind',
      version: '2.9.1',
      purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.1',
      licenses: [],
    },
  },
  {
    // CycloneDX XML. 4 <component> under <components>, buffer nests
    // base64-js 1.3.1: 5. The three <component> in <tools> do not count.
    // <dependencies> holds 3 + 2 inner <dependency>.
    name: 'sbom-cyclonedx/cyclonedx-npm-package-integrity-1.6.xml',
    facts: {
      specVersion: '1.6',
      componentCount: 5,
      primaryComponent: expect.objectContaining({
        name: 'demo-package-integrity',
      }),
      dependencyCount: 5,
    },
    sample: {
      name: 'base64-js',
      version: '1.3.1',
      purl: 'pkg:npm/base64-js@1.3.1',
      licenses: ['MIT'],
      ref: 'demo-package-integrity|buffer@5.4.3|base64-js@1.3.1',
    },
  },
  {
    // CycloneDX XML. 3 top-level <component>; the one under
    // <pedigree><ancestors> is not a component of the BOM. No <dependencies>.
    name: 'sbom-cyclonedx/spec-valid-bom-1.5.xml',
    facts: {
      componentCount: 3,
      primaryComponent: { name: 'Acme Application', version: '9.1.1' },
      dependencyCount: 0,
    },
    sample: {
      name: 'com.example/myframework',
      purl: 'pkg:maven/com.example/myframework@1.0.0?packaging=war',
      licenses: ['Some random license'],
    },
  },
  {
    // CycloneDX XML. grep -c '<component ' = 308, one of them metadata's;
    // no bom-refs, so both Django entries count; no purls.
    name: 'sbom-cyclonedx/grype-0.7-cyclonedx-1.2-vuln-ext.xml',
    facts: {
      specVersion: '1.2',
      componentCount: 307,
      primaryComponent: expect.objectContaining({
        name: 'defectdojo/defectdojo-django:1.13.1',
      }),
    },
    sample: { name: 'Django', version: '2.2.17', licenses: ['BSD'] },
  },
  {
    // CycloneDX XML 1.1. 204 <component> with 204 distinct bom-refs, no
    // <metadata>, so no primary component.
    name: 'sbom-cyclonedx/jake-cyclonedx-1.1-vuln-ext.xml',
    facts: { specVersion: '1.1', componentCount: 204, dependencyCount: 0 },
    sample: {
      name: 'yaspin',
      version: '0.16.0',
      purl: 'pkg:pypi/yaspin@0.16.0?extension=tar.gz',
      licenses: [],
    },
  },
  {
    // SPDX JSON. 7 packages; documentDescribes SPDXRef-1 (App-BOM-ination
    // 1.0): 6 left. Edges: 3 DEPENDENCY_OF + 1 TEST_DEPENDENCY_OF;
    // CONTAINED_BY and METAFILE_OF are not dependencies.
    name: 'sbom-spdx/spdx-examples-appbomination-2.2.spdx.json',
    facts: {
      specName: 'SPDX',
      specVersion: '2.2',
      componentCount: 6,
      primaryComponent: { name: 'App-BOM-ination', version: '1.0' },
      dependencyCount: 4,
    },
    sample: {
      name: 'hamcrest-core',
      version: '1.3',
      purl: 'pkg:maven/org.hamcrest/hamcrest-core@1.3',
      licenses: ['BSD-3-Clause'],
    },
  },
  {
    // SPDX JSON. 6 packages, SPDXRef-example described: 5. JUnit's
    // licenseConcluded is NOASSERTION, licenseDeclared CPL-1.0. One
    // TEST_DEPENDENCY_OF.
    name: 'sbom-spdx/spdx-examples-maven-enriched-2.3.spdx.json',
    facts: {
      componentCount: 5,
      primaryComponent: { name: 'examplemaven', version: '0.0.1' },
      dependencyCount: 1,
    },
    sample: { name: 'JUnit', version: '3.8.1', licenses: ['CPL-1.0'] },
  },
  {
    // SPDX JSON. documentDescribes [SPDXRef-File, SPDXRef-Package]: the
    // first package described is glibc. 4 packages, so 3 components; no
    // dependency relationships.
    name: 'sbom-spdx/spec-example-2.3.spdx.json',
    facts: {
      componentCount: 3,
      primaryComponent: { name: 'glibc', version: '2.11.1' },
      dependencyCount: 0,
    },
    sample: {
      name: 'Jena',
      version: '3.12.0',
      purl: 'pkg:maven/org.apache.jena/apache-jena@3.12.0',
      licenses: [],
    },
  },
  {
    // SPDX JSON. 3 packages, the described one is the filesystem; 2 left.
    // Only CONTAINS relationships, so no dependency edges.
    name: 'sbom-spdx/trivy-conda-2.3.spdx.json',
    facts: {
      componentCount: 2,
      primaryComponent: { name: 'testdata/fixtures/repo/conda' },
      dependencyCount: 0,
    },
    sample: {
      name: 'openssl',
      version: '1.1.1q',
      purl: 'pkg:conda/openssl@1.1.1q',
      licenses: ['OpenSSL'],
      type: 'library',
    },
  },
  {
    // SPDX tag-value. The same document as spec-example-2.3.spdx.json: 4
    // PackageName; the DESCRIBES relationships name SPDXRef-File, then
    // SPDXRef-Package (glibc).
    name: 'sbom-spdx/spec-example-2.3-tag-value.spdx',
    facts: {
      specVersion: '2.3',
      componentCount: 3,
      primaryComponent: { name: 'glibc', version: '2.11.1' },
      dependencyCount: 0,
    },
    sample: { name: 'Saxon', version: '8.8', licenses: ['MPL-1.0'] },
  },
  {
    // SPDX tag-value. 4 PackageName; DESCRIBES the image; 2 DEPENDS_ON and
    // 1 CONTAINS.
    name: 'sbom-spdx/trivy-centos-7-tag-value-2.2.spdx',
    facts: {
      specVersion: '2.2',
      componentCount: 3,
      primaryComponent: {
        name: 'integration/testdata/fixtures/images/centos-7.tar.gz',
      },
      dependencyCount: 2,
    },
    sample: {
      name: 'bash',
      version: '4.2.46',
      purl: 'pkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7.6.1810',
      licenses: ['GPLv3+'],
    },
  },
  {
    // SPDX tag-value. 1 PackageName, described, so no components; the
    // one dependency edge comes from "DocumentRef-go-lib:SPDXRef-Package-
    // go.fmt RUNTIME_DEPENDENCY_OF SPDXRef-Package-hello-go-bin".
    name: 'sbom-spdx/spdx-examples-go-bin-external-refs-2.2.spdx',
    facts: {
      componentCount: 0,
      primaryComponent: { name: 'hello-go-bin' },
      dependencies: [
        {
          from: 'SPDXRef-Package-hello-go-bin',
          to: 'DocumentRef-go-lib:SPDXRef-Package-go.fmt',
        },
      ],
      components: [],
    },
  },
];

describe('pinned SBOM facts', () => {
  it.each(PINNED)('$name', ({ name, facts }) => {
    expect(parseSbom(name).summary).toMatchObject(facts);
  });

  it.each(PINNED.filter(({ sample }) => sample))(
    '$name lists $sample.name',
    ({ name, sample }) => {
      expect(parseSbom(name).summary.components).toContainEqual(
        expect.objectContaining(sample),
      );
    },
  );
});
