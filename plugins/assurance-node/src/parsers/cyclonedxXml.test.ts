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
import { cyclonedxXmlParser } from './cyclonedxXml';
import { junitParser } from './junit';
import { refusalOf } from './__testUtils__/corpus';

function parseXml(text: string) {
  return cyclonedxXmlParser.parse({ fileName: 'bom.xml', text }) as SbomSummary;
}

function bom(options: { version?: string; body: string }) {
  const { version = '1.6', body } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">${body}</bom>`;
}

describe('cyclonedxXmlParser', () => {
  it('reads components, nested ones, licences and the primary component', () => {
    const summary = parseXml(
      bom({
        version: '1.5',
        body: `
  <metadata>
    <tools><components><component type="application"><name>tool</name></component></components></tools>
    <component type="application" bom-ref="app">
      <name>app</name><version>2.0.0</version><purl>pkg:npm/app@2.0.0</purl>
      <components><component type="library" bom-ref="app-part"><name>part</name></component></components>
    </component>
  </metadata>
  <components>
    <component type="library" bom-ref="a">
      <group>@scope</group><name>a</name><version>1.0.0</version>
      <purl>pkg:npm/%40scope/a@1.0.0</purl>
      <licenses><license><id>MIT</id></license><license><name>Custom &amp; Co</name></license></licenses>
      <pedigree><ancestors><component type="library"><name>not-counted</name></component></ancestors></pedigree>
      <components>
        <component type="library" bom-ref="a1">
          <name>a1</name>
          <licenses><expression>Apache-2.0 OR MIT</expression></licenses>
          <components><component type="library" bom-ref="a1x"><name>a1x</name></component></components>
        </component>
      </components>
    </component>
    <component type="library" bom-ref="a"><name>a</name></component>
  </components>`,
      }),
    );
    expect(summary).toMatchObject({
      kind: 'sbom',
      specName: 'CycloneDX',
      specVersion: '1.5',
      componentCount: 4,
      primaryComponent: {
        name: 'app',
        version: '2.0.0',
        purl: 'pkg:npm/app@2.0.0',
      },
    });
    expect(summary.components).toEqual([
      {
        name: '@scope/a',
        version: '1.0.0',
        purl: 'pkg:npm/%40scope/a@1.0.0',
        licenses: ['MIT', 'Custom & Co'],
        type: 'library',
        ref: 'a',
      },
      {
        name: 'a1',
        licenses: ['Apache-2.0 OR MIT'],
        type: 'library',
        ref: 'a1',
      },
      { name: 'a1x', licenses: [], type: 'library', ref: 'a1x' },
      { name: 'part', licenses: [], type: 'library', ref: 'app-part' },
    ]);
  });

  it('reads tools as <tool> elements (1.4 and earlier)', () => {
    const summary = parseXml(
      bom({
        version: '1.4',
        body: `<metadata><tools><tool><vendor>v</vendor><name>tool</name></tool></tools></metadata>
  <components><component type="library"><name>only</name></component></components>`,
      }),
    );
    expect(summary).toMatchObject({ specVersion: '1.4', componentCount: 1 });
  });

  it('reads the dependency graph', () => {
    const summary = parseXml(
      bom({
        body: `<components>
    <component type="library" bom-ref="a"><name>a</name></component>
    <component type="library" bom-ref="b"><name>b</name></component>
  </components>
  <dependencies>
    <dependency ref="a"><dependency ref="b"/><dependency ref="b"/></dependency>
    <dependency ref="b"/>
    <dependency><dependency ref="a"/></dependency>
  </dependencies>`,
      }),
    );
    expect(summary).toMatchObject({
      dependencies: [{ from: 'a', to: 'b' }],
      dependencyCount: 1,
    });
  });

  it('reads a document whose CycloneDX namespace has a prefix', () => {
    const summary = parseXml(`<?xml version="1.0"?>
<!-- a comment before the root -->
<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.3" xmlns:x="urn:example:extension">
  <c:components>
    <c:component type="library"><c:name>lib</c:name><x:note>ignored</x:note></c:component>
  </c:components>
</c:bom>`);
    expect(summary).toMatchObject({
      specVersion: '1.3',
      componentCount: 1,
      components: [{ name: 'lib', licenses: [], type: 'library' }],
    });
  });

  it('refuses XML that is not a CycloneDX BOM', () => {
    expect(
      refusalOf(() => parseXml('<testsuites><testsuite/></testsuites>'))
        .message,
    ).toBe(
      "not a CycloneDX XML SBOM: the root element is <testsuites> in namespace '', expected <bom> in http://cyclonedx.org/schema/bom/1.x",
    );
    expect(
      refusalOf(() => parseXml('<bom xmlns="urn:example:other"/>')).message,
    ).toMatch(/^not a CycloneDX XML SBOM: the root element is <bom>/);
  });

  it('refuses a BOM with a DOCTYPE without reading it', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6">
  <components><component type="library"><name>&xxe;</name></component></components>
</bom>`;
    expect(cyclonedxXmlParser.detect({ fileName: 'bom.xml', text })).toBe(true);
    expect(refusalOf(() => parseXml(text)).message).toMatch(
      /^XML with a DOCTYPE is refused/,
    );
  });

  it('refuses malformed XML', () => {
    expect(
      refusalOf(() =>
        parseXml(bom({ body: '<components><component></components>' })),
      ).message,
    ).toMatch(/^the XML is not well-formed/);
  });

  it('detects only a root <bom> in a CycloneDX namespace', () => {
    const detect = (text: string) =>
      cyclonedxXmlParser.detect({ fileName: 'upload', text });
    expect(detect(bom({ body: '' }))).toBe(true);
    expect(
      detect(
        '<?xml version="1.0"?>\n<?pi x?>\n<!-- c -->\n<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.2"/>',
      ),
    ).toBe(true);
    expect(detect('<bom xmlns="urn:example:other"/>')).toBe(false);
    expect(detect('{"bomFormat": "CycloneDX"}')).toBe(false);
    expect(detect('<!-- never closed')).toBe(false);
    expect(
      detect(
        '<testsuite name="s"><system-out><![CDATA[<bom xmlns="http://cyclonedx.org/schema/bom/1.6">]]></system-out></testsuite>',
      ),
    ).toBe(false);
  });

  it('is never claimed together with JUnit', () => {
    const cyclonedx = bom({ body: '<components/>' });
    const junit =
      '<testsuites><testsuite name="bom" tests="1"><testcase name="x"/></testsuite></testsuites>';
    for (const text of [cyclonedx, junit]) {
      const claims = [cyclonedxXmlParser, junitParser].filter(parser =>
        parser.detect({ fileName: 'upload', text }),
      );
      expect(claims).toHaveLength(1);
    }
  });
});
