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
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { errorMessage } from './parserUtils';
import { isSurelyWellFormed } from './xmlWellFormed';

/**
 * A parsed XML element: a string when it has neither attributes nor child
 * elements, otherwise an object with `@_`-prefixed attributes, `#text` and
 * one key per child element name.
 */
export type XmlNode = string | Record<string, unknown>;

const PREDEFINED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const ENTITY_REFERENCE =
  /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;

/**
 * Decodes only the five predefined XML entities and numeric character
 * references, in one pass. Declared entities are never added (documents
 * with declarations are refused before parsing anyway), so nothing can
 * expand or point outside the upload. Other references are left as text.
 */
const entityDecoder = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text: string) =>
    !text.includes('&')
      ? text
      : text.replace(
          ENTITY_REFERENCE,
          (_match, name?: string, decimal?: string, hex?: string) => {
            if (name) {
              return PREDEFINED_ENTITIES[name];
            }
            return codePointToString(
              decimal ? parseInt(decimal, 10) : parseInt(hex ?? '', 16),
            );
          },
        ),
};

const DECLARATION = /^<!\s*(DOCTYPE|ENTITY)/i;
const DECLARATION_ANYWHERE = /<!\s*(DOCTYPE|ENTITY)/i;

const DOCTYPE_REFUSAL =
  'XML with a DOCTYPE is refused: external entities and entity expansion are not allowed';

/**
 * Parses an XML document safely: documents that declare a DOCTYPE or
 * entities are refused unread, malformed documents are refused with the
 * validator's message and line, and only predefined and numeric entities
 * are decoded.
 */
export function parseSafeXml(options: {
  text: string;
  /** Element names that are always returned as arrays. */
  arrayTags: readonly string[];
  /**
   * DOCTYPEs a format is known to carry that may be dropped instead of
   * refused. Only a DOCTYPE without an internal subset (no `[`), taken from
   * `<!DOCTYPE` to its first `>`, that one of these matches as a whole
   * qualifies; it is blanked out before parsing and its DTD is never read or
   * fetched. Any other DOCTYPE or ENTITY declaration is still refused.
   */
  allowedDoctypes?: readonly RegExp[];
}): Record<string, unknown> {
  const { arrayTags, allowedDoctypes = [] } = options;
  const declarations = findDeclarations({
    text: options.text,
    allowedDoctypes,
  });
  if (declarations === 'refused') {
    throw new EvidenceRefusedError(DOCTYPE_REFUSAL);
  }
  const text = declarations
    ? blankOut({ text: options.text, ...declarations })
    : options.text;

  // The quick check accepts only what the validator accepts; when it is
  // not sure, the validator decides and explains.
  const validation = isSurelyWellFormed(text) || XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new EvidenceRefusedError(
      `the XML is not well-formed: ${msg} (line ${line})`,
    );
  }

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    entityDecoder,
    isArray: tagName => arrayTags.includes(tagName),
  });
  try {
    return parser.parse(text);
  } catch (error) {
    throw new EvidenceRefusedError(
      `the XML could not be read: ${errorMessage(error)}`,
      error,
    );
  }
}

/**
 * Finds DOCTYPE and ENTITY declarations in the markup, outside comments and
 * CDATA sections: `refused` when there is one that is not allowed, the span
 * of the one allowed DOCTYPE, or undefined when there is none. Text that
 * merely mentions `<!DOCTYPE` inside CDATA (an HTML page in a test's output)
 * is not a declaration. One pass over the text: an unterminated comment or
 * CDATA section ends the skipping, and the rest is searched as markup.
 */
function findDeclarations(options: {
  text: string;
  allowedDoctypes: readonly RegExp[];
}): 'refused' | { start: number; end: number } | undefined {
  const { text, allowedDoctypes } = options;
  let allowed: { start: number; end: number } | undefined;
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!', from);
    if (start < 0) {
      return allowed;
    }
    const skipped = [
      { open: '<!--', close: '-->' },
      { open: '<![CDATA[', close: ']]>' },
    ].find(({ open }) => text.startsWith(open, start));
    if (!skipped) {
      if (DECLARATION.test(text.slice(start, start + 32))) {
        const end = allowed
          ? -1
          : allowedDoctypeEnd({ text, start, allowedDoctypes });
        if (end < 0) {
          return 'refused';
        }
        allowed = { start, end };
        from = end;
        continue;
      }
      from = start + 2;
      continue;
    }
    const end = text.indexOf(skipped.close, start + skipped.open.length);
    if (end < 0) {
      return DECLARATION_ANYWHERE.test(text.slice(start + skipped.open.length))
        ? 'refused'
        : allowed;
    }
    from = end + skipped.close.length;
  }
}

/**
 * Where the declaration at `start` ends when it is an allowed DOCTYPE, else
 * -1. A DOCTYPE with an internal subset has a `[` before its first `>`, so
 * it never matches.
 */
function allowedDoctypeEnd(options: {
  text: string;
  start: number;
  allowedDoctypes: readonly RegExp[];
}): number {
  const { text, start, allowedDoctypes } = options;
  const close = text.indexOf('>', start);
  if (close < 0) {
    return -1;
  }
  const declaration = text.slice(start, close + 1);
  const isAllowed =
    !declaration.includes('[') &&
    allowedDoctypes.some(pattern => {
      const match = declaration.match(pattern);
      return match?.index === 0 && match[0] === declaration;
    });
  return isAllowed ? close + 1 : -1;
}

/** Replaces a span with spaces, keeping line breaks so lines still count. */
function blankOut(options: { text: string; start: number; end: number }) {
  const { text, start, end } = options;
  const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return text.slice(0, start) + blank + text.slice(end);
}

function codePointToString(codePoint: number): string {
  const isXmlChar =
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff);
  return isXmlChar ? String.fromCodePoint(codePoint) : '\ufffd';
}
