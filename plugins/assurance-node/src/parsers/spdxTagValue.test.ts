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
import { spdxTagValueParser } from './spdxTagValue';
import { refusalOf } from './__testUtils__/corpus';

function parseTagValue(lines: string[]) {
  return spdxTagValueParser.parse({
    fileName: 'sbom.spdx',
    text: lines.join('\n'),
  }) as SbomSummary;
}

const HEADER = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  'DocumentName: example',
];

describe('spdxTagValueParser', () => {
  it('reads packages and skips multi-line <text> values whole', () => {
    const summary = parseTagValue([
      ...HEADER,
      'DocumentComment: <text>These lines are text, not tags:',
      'PackageName: fake',
      '',
      'SPDXID: SPDXRef-fake',
      'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-fake</text>',
      '# a comment',
      'Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app',
      '',
      'PackageName: app',
      'SPDXID: SPDXRef-app',
      'PackageVersion: 1.0.0',
      'PackageDescription: <text>One line of text</text>',
      'PackageLicenseConcluded: Apache-2.0',
      'ExternalRef: PACKAGE-MANAGER purl pkg:npm/app@1.0.0',
      'FileName: ./index.js',
      'SPDXID: SPDXRef-File-index',
      'FileComment: <text>',
      'PackageVersion: 9.9.9',
      '</text>',
      'PackageName: lib',
      'SPDXID: SPDXRef-lib',
      'PackageVersion: 2.0.0',
      'PackageLicenseConcluded: NOASSERTION',
      'PackageLicenseDeclared: MIT AND BSD-3-Clause',
      'ExternalRef: SECURITY cpe23Type cpe:2.3:a:x:lib:2.0.0:*:*:*:*:*:*:*',
      'ExternalRef: PACKAGE-MANAGER purl pkg:npm/lib@2.0.0',
      'PrimaryPackagePurpose: LIBRARY',
      'Relationship: SPDXRef-app DEPENDS_ON SPDXRef-lib',
      'RelationshipComment: <text>multi',
      'line</text>',
    ]);
    expect(summary).toEqual({
      kind: 'sbom',
      specName: 'SPDX',
      specVersion: '2.3',
      componentCount: 1,
      primaryComponent: {
        name: 'app',
        version: '1.0.0',
        purl: 'pkg:npm/app@1.0.0',
      },
      components: [
        {
          name: 'lib',
          version: '2.0.0',
          purl: 'pkg:npm/lib@2.0.0',
          licenses: ['MIT AND BSD-3-Clause'],
          type: 'library',
          ref: 'SPDXRef-lib',
        },
      ],
      dependencies: [{ from: 'SPDXRef-app', to: 'SPDXRef-lib' }],
      dependencyCount: 1,
    });
  });

  it('reads CRLF line endings', () => {
    const summary = spdxTagValueParser.parse({
      fileName: 'sbom.spdx',
      text: [...HEADER, 'PackageName: a', 'SPDXID: SPDXRef-a', ''].join('\r\n'),
    });
    expect(summary).toMatchObject({ componentCount: 1 });
  });

  it('refuses an unterminated <text> value', () => {
    expect(
      refusalOf(() =>
        parseTagValue([...HEADER, 'DocumentComment: <text>never', 'closed']),
      ).message,
    ).toBe(
      'not an SPDX tag-value document: the <text> value of DocumentComment on line 5 is never closed with </text>',
    );
  });

  it('refuses lines that are not tag-value pairs and bad relationships', () => {
    expect(
      refusalOf(() => parseTagValue([...HEADER, 'just words'])).message,
    ).toBe("not an SPDX tag-value document: line 5 is not a 'Tag: value' pair");
    expect(
      refusalOf(() =>
        parseTagValue([...HEADER, 'Relationship: SPDXRef-a DEPENDS_ON']),
      ).message,
    ).toBe(
      "not an SPDX tag-value document: the Relationship on line 5 is not '<element> <TYPE> <element>'",
    );
  });

  it('refuses a document without SPDXVersion or of another version', () => {
    expect(
      refusalOf(() => parseTagValue(['DocumentName: x', 'PackageName: a']))
        .message,
    ).toBe('not an SPDX tag-value document: it has no SPDXVersion');
    expect(
      refusalOf(() => parseTagValue(['SPDXVersion: SPDX-1.2'])).message,
    ).toMatch(/^SPDX version 'SPDX-1.2' is not supported/);
  });

  it('detects a document that starts with its creation section', () => {
    const detect = (text: string) =>
      spdxTagValueParser.detect({ fileName: 'upload', text });
    expect(detect(HEADER.join('\n'))).toBe(true);
    expect(detect(`# comment\n\n${HEADER.join('\n')}`)).toBe(true);
    expect(detect('DataLicense: CC0-1.0\nSPDXVersion: SPDX-2.2\n')).toBe(true);
    expect(detect('{"spdxVersion": "SPDX-2.3"}')).toBe(false);
    expect(detect('<testsuite>\nSPDXVersion: SPDX-2.3\n</testsuite>')).toBe(
      false,
    );
    expect(detect('TAP version 13\nSPDXVersion: SPDX-2.3\n')).toBe(false);
    expect(detect('PackageName: x\n')).toBe(false);
  });
});
