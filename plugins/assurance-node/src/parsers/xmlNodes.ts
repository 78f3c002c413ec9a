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

import { EvidenceRefusedError } from '../types';
import { isRecord } from './parserUtils';
import { XmlNode } from './safeXml';

/**
 * Read access to the nodes that {@link parseSafeXml} returns, tolerant of
 * the string-or-object shape of fast-xml-parser's output.
 */

/** An attribute's value, or undefined when the node does not have it. */
export function xmlAttribute(options: {
  node: XmlNode | undefined;
  name: string;
}): string | undefined {
  const { node, name } = options;
  if (!isRecord(node)) {
    return undefined;
  }
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text content of a node, including CDATA sections. */
export function xmlText(node: XmlNode | undefined): string {
  if (typeof node === 'string') {
    return node;
  }
  const text = isRecord(node) ? node['#text'] : undefined;
  return typeof text === 'string' ? text : '';
}

/** The child elements of a node with the given name, in document order. */
export function xmlChildren(options: {
  node: XmlNode | undefined;
  name: string;
}): XmlNode[] {
  const { node, name } = options;
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, name)) {
    return [];
  }
  const value = node[name];
  const list = Array.isArray(value) ? value : [value];
  return list.filter(
    (child): child is XmlNode => typeof child === 'string' || isRecord(child),
  );
}

/**
 * The name and node of the document's single root element. Refuses a
 * document with no root or several.
 */
export function xmlRoot(document: Record<string, unknown>): {
  name: string;
  node: XmlNode;
} {
  const names = Object.keys(document);
  const nodes =
    names.length === 1 ? xmlChildren({ node: document, name: names[0] }) : [];
  if (nodes.length !== 1) {
    throw new EvidenceRefusedError(
      'the XML document must have exactly one root element',
    );
  }
  return { name: names[0], node: nodes[0] };
}
