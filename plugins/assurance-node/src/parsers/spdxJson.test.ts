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
import { cyclonedxJsonParser } from './cyclonedx';
import { npmAuditParser } from './npmAudit';
import { sarifParser } from './sarif';
import { spdxJsonParser } from './spdxJson';
import { refusalOf } from './__testUtils__/corpus';

function parseSpdx(document: unknown) {
  return spdxJsonParser.parse({
    fileName: 'sbom.spdx.json',
    text: JSON.stringify(document),
  }) as SbomSummary;
}

function spdxPackage(id: string, fields: Record<string, unknown> = {}) {
  return { SPDXID: `SPDXRef-${id}`, name: id, ...fields };
}

function relationship(from: string, type: string, to: string) {
  return {
    spdxElementId: from === 'DOCUMENT' ? 'SPDXRef-DOCUMENT' : `SPDXRef-${from}`,
    relationshipType: type,
    relatedSpdxElement: ['NONE', 'NOASSERTION'].includes(to)
      ? to
      : `SPDXRef-${to}`,
  };
}

describe('spdxJsonParser', () => {
  it('reads packages, purls, licences and the described package', () => {
    const summary = parseSpdx({
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      documentDescribes: ['SPDXRef-File-readme', 'SPDXRef-app'],
      packages: [
        spdxPackage('lib', {
          versionInfo: '1.0.0',
          licenseConcluded: 'NOASSERTION',
          licenseDeclared: 'MIT',
          primaryPackagePurpose: 'OPERATING_SYSTEM',
          externalRefs: [
            {
              referenceCategory: 'SECURITY',
              referenceType: 'cpe23Type',
              referenceLocator: 'cpe:2.3:a:x:lib:1.0.0:*:*:*:*:*:*:*',
            },
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:npm/lib@1.0.0',
            },
          ],
        }),
        spdxPackage('app', {
          versionInfo: '2.0.0',
          licenseConcluded: 'Apache-2.0',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE_MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:npm/app@2.0.0',
            },
          ],
        }),
        spdxPackage('none', {
          licenseConcluded: 'NONE',
          licenseDeclared: 'NOASSERTION',
        }),
        spdxPackage('expression', {
          licenseConcluded: '(GPL-2.0-only OR MIT)',
          licenseDeclared: 'GPL-2.0-only',
        }),
      ],
      files: [{ SPDXID: 'SPDXRef-File-readme', fileName: './README' }],
    });
    expect(summary).toEqual({
      kind: 'sbom',
      specName: 'SPDX',
      specVersion: '2.3',
      componentCount: 3,
      primaryComponent: {
        name: 'app',
        version: '2.0.0',
        purl: 'pkg:npm/app@2.0.0',
      },
      components: [
        {
          name: 'expression',
          licenses: ['(GPL-2.0-only OR MIT)'],
          ref: 'SPDXRef-expression',
        },
        {
          name: 'lib',
          version: '1.0.0',
          purl: 'pkg:npm/lib@1.0.0',
          licenses: ['MIT'],
          type: 'operating-system',
          ref: 'SPDXRef-lib',
        },
        { name: 'none', licenses: [], ref: 'SPDXRef-none' },
      ],
      dependencies: [],
      dependencyCount: 0,
    });
  });

  it('finds the described package through DESCRIBES or DESCRIBED_BY', () => {
    const packages = [spdxPackage('a'), spdxPackage('b')];
    expect(
      parseSpdx({
        spdxVersion: 'SPDX-2.2',
        packages,
        relationships: [relationship('DOCUMENT', 'DESCRIBES', 'b')],
      }),
    ).toMatchObject({ primaryComponent: { name: 'b' }, componentCount: 1 });
    expect(
      parseSpdx({
        spdxVersion: 'SPDX-2.2',
        packages,
        relationships: [relationship('a', 'DESCRIBED_BY', 'DOCUMENT')],
      }),
    ).toMatchObject({ primaryComponent: { name: 'a' }, componentCount: 1 });
    const undescribed = parseSpdx({ spdxVersion: 'SPDX-2.3', packages });
    expect(undescribed.primaryComponent).toBeUndefined();
    expect(undescribed.componentCount).toBe(2);
  });

  it('counts DEPENDS_ON and the *DEPENDENCY_OF types as dependency edges', () => {
    const summary = parseSpdx({
      spdxVersion: 'SPDX-2.3',
      packages: ['app', 'a', 'b', 'c', 'd'].map(id => spdxPackage(id)),
      relationships: [
        relationship('DOCUMENT', 'DESCRIBES', 'app'),
        relationship('app', 'DEPENDS_ON', 'a'),
        relationship('b', 'DEPENDENCY_OF', 'app'),
        relationship('c', 'DEV_DEPENDENCY_OF', 'app'),
        relationship('d', 'RUNTIME_DEPENDENCY_OF', 'a'),
        relationship('app', 'CONTAINS', 'd'),
        relationship('app', 'DYNAMIC_LINK', 'c'),
        relationship('app', 'DEPENDS_ON', 'NOASSERTION'),
        relationship('app', 'DEPENDS_ON', 'a'),
      ],
    });
    const edge = (from: string, to: string) => ({
      from: `SPDXRef-${from}`,
      to: `SPDXRef-${to}`,
    });
    expect(summary).toMatchObject({
      componentCount: 4,
      dependencies: [
        edge('app', 'a'),
        edge('app', 'b'),
        edge('app', 'c'),
        edge('a', 'd'),
      ],
      dependencyCount: 4,
    });
  });

  it('refuses SPDX versions other than 2.x and malformed documents', () => {
    expect(
      refusalOf(() => parseSpdx({ spdxVersion: 'SPDX-3.0', packages: [] }))
        .message,
    ).toBe(
      "SPDX version 'SPDX-3.0' is not supported; upload SPDX 2.2 or 2.3 (JSON or tag-value) or CycloneDX",
    );
    expect(
      refusalOf(() =>
        parseSpdx({ spdxVersion: 'SPDX-2.3', packages: [{ name: 'x' }] }),
      ).message,
    ).toMatch(/^not an SPDX JSON document: packages.0.SPDXID: /);
  });

  it('is the only JSON parser that claims an SPDX document', () => {
    const input = {
      fileName: 'sbom.json',
      text: JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [] }),
    };
    const claims = [
      spdxJsonParser,
      cyclonedxJsonParser,
      sarifParser,
      npmAuditParser,
    ].filter(parser => parser.detect(input));
    expect(claims).toEqual([spdxJsonParser]);
    expect(
      spdxJsonParser.detect({ fileName: 'x', text: 'SPDXVersion: SPDX-2.3' }),
    ).toBe(false);
    expect(
      spdxJsonParser.detect({ fileName: 'x', text: '{"bomFormat": "x"}' }),
    ).toBe(false);
  });
});
