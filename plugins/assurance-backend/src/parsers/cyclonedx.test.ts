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

import { cyclonedxJsonParser } from './cyclonedx';
import { parseText, refusalOf } from './__testUtils__/corpus';

function parseBom(bom: unknown) {
  return cyclonedxJsonParser.parse({
    fileName: 'bom.json',
    text: JSON.stringify(bom),
  });
}

describe('cyclonedxJsonParser', () => {
  it('counts nested components and reads the primary component', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { name: 'app', version: '1.2.3' } },
      components: [
        {
          'bom-ref': 'a',
          components: [
            { 'bom-ref': 'a1' },
            { 'bom-ref': 'a2', components: [{ 'bom-ref': 'a2x' }] },
          ],
        },
        { 'bom-ref': 'b' },
      ],
    });
    expect(summary).toEqual({
      kind: 'sbom',
      specVersion: '1.6',
      componentCount: 5,
      primaryComponent: { name: 'app', version: '1.2.3' },
    });
  });

  it('counts a repeated bom-ref once and each component without one', () => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      components: [
        { 'bom-ref': 'same' },
        { 'bom-ref': 'same' },
        { name: 'no-ref' },
        { name: 'no-ref' },
      ],
    });
    expect(summary).toMatchObject({ componentCount: 3 });
  });

  it('parses a BOM without components to a count of 0', () => {
    expect(parseBom({ bomFormat: 'CycloneDX', specVersion: '1.5' })).toEqual({
      kind: 'sbom',
      specVersion: '1.5',
      componentCount: 0,
    });
  });

  it('refuses a document whose bomFormat is not CycloneDX', () => {
    expect(refusalOf(() => parseBom({ bomFormat: 'SPDX' })).message).toBe(
      'not a CycloneDX JSON SBOM: bomFormat: must be "CycloneDX"',
    );
    expect(
      refusalOf(() =>
        parseBom({ bomFormat: 'CycloneDX', components: [{ components: 7 }] }),
      ).message,
    ).toMatch(/^not a CycloneDX JSON SBOM: components.0.components: /);
  });

  it('claims CycloneDX XML in detection and refuses it with what to do', () => {
    const xml =
      '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components/></bom>';
    expect(cyclonedxJsonParser.detect({ fileName: 'bom.xml', text: xml })).toBe(
      true,
    );
    expect(refusalOf(() => parseText(xml)).message).toBe(
      'CycloneDX XML is not supported yet; upload the JSON form of the SBOM',
    );
  });

  it('detects CycloneDX JSON by its bomFormat', () => {
    const detect = (text: string) =>
      cyclonedxJsonParser.detect({ fileName: 'bom.json', text });
    expect(detect('{"bomFormat": "CycloneDX"}')).toBe(true);
    expect(detect('{"bomFormat": "cyclonedx"}')).toBe(false);
    expect(detect('{"spdxVersion": "SPDX-2.3"}')).toBe(false);
  });
});
