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

import { EvidenceParser, EvidenceRefusedError } from '../types';
import {
  CycloneDxBom,
  CycloneDxComponent,
  CycloneDxLicense,
  summariseCycloneDx,
} from './cyclonedx';
import { parseSafeXml, XmlNode } from './safeXml';
import { xmlAttribute, xmlChildren, xmlRoot, xmlText } from './xmlNodes';

const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/;

const ROOT_START_TAG = /^<([A-Za-z_][\w.-]*:)?bom[\s/>]/;

/** Reads a CycloneDX element's children in the document's CycloneDX prefix. */
type Children = (node: XmlNode | undefined, name: string) => XmlNode[];

/**
 * Reads CycloneDX XML SBOMs: a root `<bom>` in a
 * `http://cyclonedx.org/schema/bom/1.x` namespace, default or prefixed. The
 * spec version is the namespace's. Elements of other namespaces (extensions
 * such as the vulnerability extension) are ignored.
 */
export const cyclonedxXmlParser: EvidenceParser = {
  format: 'cyclonedx-xml',

  detect: ({ text }) => looksLikeCycloneDxXml(text),

  parse: ({ text }) => {
    const root = xmlRoot(parseSafeXml({ text, arrayTags: [] }));
    const [prefix, localName] = root.name.includes(':')
      ? root.name.split(':', 2)
      : ['', root.name];
    const namespace = xmlAttribute({
      node: root.node,
      name: prefix ? `xmlns:${prefix}` : 'xmlns',
    });
    const specVersion = namespace?.match(NAMESPACE)?.[1];
    if (localName !== 'bom' || !specVersion) {
      const found = `<${root.name}> in namespace '${namespace ?? ''}'`;
      throw new EvidenceRefusedError(
        `not a CycloneDX XML SBOM: the root element is ${found}, expected <bom> in http://cyclonedx.org/schema/bom/1.x`,
      );
    }

    const children: Children = (node, name) =>
      xmlChildren({ node, name: prefix ? `${prefix}:${name}` : name });
    const [metadata] = children(root.node, 'metadata');
    const [primary] = children(metadata, 'component');
    const bom: CycloneDxBom = {
      specVersion,
      metadata: {
        component:
          primary === undefined ? undefined : readComponent(primary, children),
      },
      components: readComponentList(root.node, children),
      dependencies: readDependencies(root.node, children),
    };
    return summariseCycloneDx(bom);
  },
};

/**
 * Whether the text is XML whose root element is a `<bom>` declaring a
 * CycloneDX namespace. Only the prolog and the root's start tag are read,
 * so a JUnit report that mentions a BOM in its output is not claimed.
 */
export function looksLikeCycloneDxXml(text: string): boolean {
  const start = rootStartTagIndex(text);
  if (start < 0 || !ROOT_START_TAG.test(text.slice(start, start + 64))) {
    return false;
  }
  const end = text.indexOf('>', start);
  return text
    .slice(start, end < 0 ? undefined : end)
    .includes('cyclonedx.org/schema/bom/');
}

/**
 * Where the root element's start tag begins: after the XML declaration,
 * processing instructions, comments and a DOCTYPE (which the parser then
 * refuses). -1 when the text does not start like XML.
 */
function rootStartTagIndex(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && text.charCodeAt(at) <= 0x20) {
      at++;
    }
    if (text[at] !== '<') {
      return -1;
    }
    let close: string | undefined;
    if (text.startsWith('<?', at)) {
      close = '?>';
    } else if (text.startsWith('<!--', at)) {
      close = '-->';
    } else if (text.startsWith('<!', at)) {
      const bracket = text.indexOf('[', at);
      const tagEnd = text.indexOf('>', at);
      close = bracket >= 0 && bracket < tagEnd ? ']>' : '>';
    } else {
      return at;
    }
    const end = text.indexOf(close, at + 2);
    if (end < 0) {
      return -1;
    }
    at = end + close.length;
  }
}

/** The components of a `<components>` child, nested ones converted too. */
function readComponentList(
  parent: XmlNode,
  children: Children,
): CycloneDxComponent[] {
  const [list] = children(parent, 'components');
  return children(list, 'component').map(node => readComponent(node, children));
}

/**
 * Converts a `<component>` and everything nested in it. Iterative, so that
 * deeply nested documents cannot exhaust the stack.
 */
function readComponent(node: XmlNode, children: Children): CycloneDxComponent {
  const top: CycloneDxComponent[] = [];
  const pending = [{ node, into: top }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const component = readComponentFields(next.node, children);
    next.into.push(component);
    const [nested] = children(next.node, 'components');
    const nestedNodes = children(nested, 'component');
    if (nestedNodes.length > 0) {
      const into: CycloneDxComponent[] = [];
      component.components = into;
      pending.push(
        ...nestedNodes.reverse().map(child => ({ node: child, into })),
      );
    }
  }
  return top[0];
}

function readComponentFields(
  node: XmlNode,
  children: Children,
): CycloneDxComponent {
  const field = (name: string) => xmlText(children(node, name)[0]) || null;
  const [licenses] = children(node, 'licenses');
  return {
    'bom-ref': xmlAttribute({ node, name: 'bom-ref' }),
    type: xmlAttribute({ node, name: 'type' }),
    group: field('group'),
    name: field('name'),
    version: field('version'),
    purl: field('purl'),
    licenses: [
      ...children(licenses, 'license').map(
        (license): CycloneDxLicense => ({
          license: {
            id: xmlText(children(license, 'id')[0]) || null,
            name: xmlText(children(license, 'name')[0]) || null,
          },
        }),
      ),
      ...children(licenses, 'expression').map(expression => ({
        expression: xmlText(expression),
      })),
    ],
  };
}

/**
 * `<dependency ref="a"><dependency ref="b"/></dependency>`: a depends on b.
 * Entries without a `ref` are skipped.
 */
function readDependencies(
  root: XmlNode,
  children: Children,
): CycloneDxBom['dependencies'] {
  const [list] = children(root, 'dependencies');
  return children(list, 'dependency').flatMap(dependency => {
    const ref = xmlAttribute({ node: dependency, name: 'ref' });
    if (!ref) {
      return [];
    }
    const dependsOn = children(dependency, 'dependency')
      .map(inner => xmlAttribute({ node: inner, name: 'ref' }))
      .filter((to): to is string => Boolean(to));
    return [{ ref, dependsOn }];
  });
}
