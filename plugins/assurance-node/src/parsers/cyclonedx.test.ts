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
import { refusalOf } from './__testUtils__/corpus';

function parseBom(bom: unknown) {
  return cyclonedxJsonParser.parse({
    fileName: 'bom.json',
    text: JSON.stringify(bom),
  }) as SbomSummary;
}

describe('cyclonedxJsonParser', () => {
  it('counts nested components and reads the primary component', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: {
        component: { 'bom-ref': 'app', name: 'app', version: '1.2.3' },
      },
      components: [
        {
          'bom-ref': 'a',
          name: 'a',
          components: [
            { 'bom-ref': 'a1', name: 'a1' },
            {
              'bom-ref': 'a2',
              name: 'a2',
              components: [{ 'bom-ref': 'a2x', name: 'a2x' }],
            },
          ],
        },
        { 'bom-ref': 'b', name: 'b' },
      ],
    });
    expect(summary).toMatchObject({
      kind: 'sbom',
      specName: 'CycloneDX',
      specVersion: '1.6',
      componentCount: 5,
      primaryComponent: { name: 'app', version: '1.2.3' },
    });
    expect(summary).toHaveProperty(
      'components',
      ['a', 'a1', 'a2', 'a2x', 'b'].map(name => ({
        name,
        licenses: [],
        ref: name,
      })),
    );
  });

  it('counts a repeated bom-ref once and each component without one', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      components: [
        { 'bom-ref': 'same', name: 'x', version: '1' },
        { 'bom-ref': 'same', name: 'x', version: '1' },
        { name: 'no-ref' },
        { name: 'no-ref' },
      ],
    });
    expect(summary).toMatchObject({ componentCount: 3 });
  });

  it('does not count a component that repeats the primary component', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      metadata: { component: { 'bom-ref': 'app', name: 'app' } },
      components: [
        { 'bom-ref': 'app', name: 'app' },
        { 'bom-ref': 'lib', name: 'lib' },
      ],
    });
    expect(summary).toMatchObject({ componentCount: 1 });
  });

  it('reads licence ids, names and expressions, the group and the purl', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        {
          type: 'Library',
          'bom-ref': 'pkg:npm/%40scope/lib@1.0.0',
          group: '@scope',
          name: 'lib',
          version: '1.0.0',
          purl: 'pkg:npm/%40scope/lib@1.0.0',
          licenses: [
            { license: { id: 'MIT', url: 'https://example.com' } },
            { license: { name: 'Some licence' } },
            { license: { id: 'MIT' } },
          ],
        },
        {
          name: 'dual',
          licenses: [{ expression: '(MPL-2.0 OR Apache-2.0)' }],
        },
      ],
    });
    expect(summary).toHaveProperty('components', [
      {
        name: '@scope/lib',
        version: '1.0.0',
        purl: 'pkg:npm/%40scope/lib@1.0.0',
        licenses: ['MIT', 'Some licence'],
        type: 'library',
        ref: 'pkg:npm/%40scope/lib@1.0.0',
      },
      { name: 'dual', licenses: ['(MPL-2.0 OR Apache-2.0)'] },
    ]);
  });

  it('reads metadata.tools as an array (1.4) or an object (1.5 and later)', () => {
    const component = { 'bom-ref': 'a', name: 'a' };
    const asArray = parseBom({
      bomFormat: 'CycloneDX',
      specVersion: '1.4',
      metadata: { tools: [{ vendor: 'v', name: 'tool', version: '1' }] },
      components: [component],
    });
    const asObject = parseBom({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: {
        tools: {
          components: [{ type: 'application', name: 'tool' }],
          services: [{ name: 'service' }],
        },
      },
      components: [component],
    });
    expect(asArray).toMatchObject({ componentCount: 1 });
    expect(asObject).toMatchObject({ componentCount: 1 });
    expect(asObject.components).toEqual(asArray.components);
  });

  it('reads the dependency graph as edges, each edge once', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      metadata: { component: { 'bom-ref': 'app', name: 'app' } },
      components: [
        { 'bom-ref': 'a', name: 'a' },
        { 'bom-ref': 'b', name: 'b' },
      ],
      dependencies: [
        { ref: 'app', dependsOn: ['a', 'b'] },
        { ref: 'a', dependsOn: ['b', 'b'] },
        { ref: 'b', dependsOn: [] },
        { ref: 'b' },
      ],
    });
    expect(summary).toMatchObject({
      dependencies: [
        { from: 'app', to: 'a' },
        { from: 'app', to: 'b' },
        { from: 'a', to: 'b' },
      ],
      dependencyCount: 3,
    });
  });

  it('parses a BOM without components to a count of 0', () => {
    expect(parseBom({ bomFormat: 'CycloneDX', specVersion: '1.5' })).toEqual({
      kind: 'sbom',
      specName: 'CycloneDX',
      specVersion: '1.5',
      componentCount: 0,
      components: [],
      dependencies: [],
      dependencyCount: 0,
    });
  });

  it('refuses a document that is not a CycloneDX JSON BOM', () => {
    expect(refusalOf(() => parseBom({ bomFormat: 'SPDX' })).message).toBe(
      'not a CycloneDX JSON SBOM: bomFormat: must be "CycloneDX"',
    );
    expect(
      refusalOf(() =>
        parseBom({ bomFormat: 'CycloneDX', components: [{ components: 7 }] }),
      ).message,
    ).toMatch(/^not a CycloneDX JSON SBOM: components.0.components: /);
    expect(
      refusalOf(() =>
        parseBom({ bomFormat: 'CycloneDX', dependencies: [{ dependsOn: [] }] }),
      ).message,
    ).toMatch(/^not a CycloneDX JSON SBOM: dependencies.0.ref: /);
  });

  it('detects CycloneDX JSON by its bomFormat, and not CycloneDX XML', () => {
    const detect = (text: string) =>
      cyclonedxJsonParser.detect({ fileName: 'bom', text });
    expect(detect('{"bomFormat": "CycloneDX"}')).toBe(true);
    expect(detect('{"bomFormat": "cyclonedx"}')).toBe(false);
    expect(detect('{"spdxVersion": "SPDX-2.3"}')).toBe(false);
    expect(
      detect(
        '<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"></bom>',
      ),
    ).toBe(false);
  });
});
