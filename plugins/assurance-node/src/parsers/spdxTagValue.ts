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
import { SpdxDocument, SpdxPackage, summariseSpdx } from './spdxJson';

/** One `Tag: value` pair, with the line it starts on. */
interface TagValue {
  tag: string;
  value: string;
  line: number;
}

const TAG_VALUE_LINE = /^\s*([A-Za-z][\w-]*)\s*:\s?(.*)$/;

// Tags of the document creation section, one of which comes first.
const DOCUMENT_TAGS =
  /^(SPDXVersion|DataLicense|SPDXID|DocumentName|DocumentNamespace)\s*:/;

// Tags that start an element other than a package; its fields that follow
// (SPDXID among them) are not the package's.
const OTHER_ELEMENT_TAGS = new Set(['FileName', 'SnippetSPDXID', 'LicenseID']);

/**
 * Reads SPDX 2.x tag-value documents. Packages start at `PackageName:`
 * and end at the next element; multi-line `<text>…</text>` values are read
 * as one value, so lines inside them are never taken for tags.
 */
export const spdxTagValueParser: EvidenceParser = {
  format: 'spdx-tag-value',

  detect: ({ text }) => looksLikeSpdxTagValue(text),

  parse: ({ text }) => summariseSpdx(readDocument(readTagValues(text))),
};

/**
 * Whether the first line that is neither blank nor a comment is a tag of
 * the document creation section, and the text has an `SPDXVersion:` line.
 */
function looksLikeSpdxTagValue(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? undefined : end).trim();
    if (line !== '' && !line.startsWith('#')) {
      return DOCUMENT_TAGS.test(line) && /^SPDXVersion\s*:/m.test(text);
    }
    start = end < 0 ? text.length : end + 1;
  }
  return false;
}

/** The `Tag: value` pairs of the text; blank and `#` lines are skipped. */
function readTagValues(text: string): TagValue[] {
  const lines = text.split(/\r\n|\r|\n/);
  const pairs: TagValue[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const lineNumber = index + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      continue;
    }
    const match = TAG_VALUE_LINE.exec(line);
    if (!match) {
      throw new EvidenceRefusedError(
        `not an SPDX tag-value document: line ${lineNumber} is not a 'Tag: value' pair`,
      );
    }
    const [, tag, rawValue] = match;
    const value = rawValue.trim();
    if (!value.startsWith('<text>')) {
      pairs.push({ tag, value, line: lineNumber });
      continue;
    }
    const multiLine = readTextValue({ lines, index, first: value.slice(6) });
    if (!multiLine) {
      throw new EvidenceRefusedError(
        `not an SPDX tag-value document: the <text> value of ${tag} on line ${lineNumber} is never closed with </text>`,
      );
    }
    pairs.push({ tag, value: multiLine.value.trim(), line: lineNumber });
    index = multiLine.lastLine;
  }
  return pairs;
}

/**
 * A `<text>` value that starts after `<text>` on line `index`: everything
 * up to `</text>`, possibly many lines later. Undefined when never closed.
 */
function readTextValue(options: {
  lines: string[];
  index: number;
  first: string;
}): { value: string; lastLine: number } | undefined {
  const { lines, index, first } = options;
  const parts: string[] = [];
  for (let at = index; at < lines.length; at++) {
    const line = at === index ? first : lines[at];
    const close = line.indexOf('</text>');
    if (close >= 0) {
      parts.push(line.slice(0, close));
      return { value: parts.join('\n'), lastLine: at };
    }
    parts.push(line);
  }
  return undefined;
}

/** Builds the document's packages and relationships from its pairs. */
function readDocument(pairs: TagValue[]): SpdxDocument {
  const packages: SpdxPackage[] = [];
  const document: SpdxDocument = {
    spdxVersion: '',
    packages,
    relationships: [],
  };
  let current: SpdxPackage | 'document' | 'other' = 'document';

  for (const { tag, value, line } of pairs) {
    if (tag === 'PackageName') {
      current = { SPDXID: '', name: value, externalRefs: [] };
      packages.push(current);
    } else if (OTHER_ELEMENT_TAGS.has(tag)) {
      current = 'other';
    } else if (tag === 'SPDXVersion') {
      document.spdxVersion ||= value;
    } else if (tag === 'Relationship') {
      document.relationships?.push(readRelationship({ value, line }));
    } else if (tag === 'SPDXID' && current === 'document') {
      document.SPDXID ||= value;
    } else if (typeof current === 'object') {
      readPackageField({ spdxPackage: current, tag, value });
    }
  }

  if (!document.spdxVersion) {
    throw new EvidenceRefusedError(
      'not an SPDX tag-value document: it has no SPDXVersion',
    );
  }
  return document;
}

function readPackageField(options: {
  spdxPackage: SpdxPackage;
  tag: string;
  value: string;
}) {
  const { spdxPackage, tag, value } = options;
  switch (tag) {
    case 'SPDXID':
      spdxPackage.SPDXID ||= value;
      break;
    case 'PackageVersion':
      spdxPackage.versionInfo = value;
      break;
    case 'PackageLicenseConcluded':
      spdxPackage.licenseConcluded = value;
      break;
    case 'PackageLicenseDeclared':
      spdxPackage.licenseDeclared = value;
      break;
    case 'PrimaryPackagePurpose':
      spdxPackage.primaryPackagePurpose = value;
      break;
    case 'ExternalRef': {
      // `ExternalRef: <category> <type> <locator>`
      const [, referenceType, ...locator] = value.split(/\s+/);
      spdxPackage.externalRefs?.push({
        referenceType,
        referenceLocator: locator.join(' '),
      });
      break;
    }
    default:
  }
}

/** `Relationship: <element> <TYPE> <element>`. */
function readRelationship(options: { value: string; line: number }) {
  const parts = options.value.split(/\s+/);
  if (parts.length !== 3) {
    throw new EvidenceRefusedError(
      `not an SPDX tag-value document: the Relationship on line ${options.line} is not '<element> <TYPE> <element>'`,
    );
  }
  const [spdxElementId, relationshipType, relatedSpdxElement] = parts;
  return { spdxElementId, relationshipType, relatedSpdxElement };
}
